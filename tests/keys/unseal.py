"""Unseals sealed-secrets values with a private key, independently of fedrender.

Reads a JSON request file (the first argument): {"key": PEM path, "label": text, "values": {name: base64}}.
Prints {name: base64 of the plaintext} as JSON, or exits 3 naming the first value that does not unseal.
"""
import base64
import json
import struct
import sys

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def unseal(key, label, sealed):
    data = base64.b64decode(sealed, validate=True)
    (length,) = struct.unpack(">H", data[:2])
    rsa_part, aes_part = data[2:2 + length], data[2 + length:]
    session = key.decrypt(rsa_part, padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=label))
    return AESGCM(session).decrypt(b"\0" * 12, aes_part, None)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        request = json.load(f)
    with open(request["key"], "rb") as f:
        key = serialization.load_pem_private_key(f.read(), password=None)
    label = request["label"].encode()
    result = {}
    for name, sealed in sorted(request["values"].items()):
        try:
            result[name] = base64.b64encode(unseal(key, label, sealed)).decode()
        except Exception as e:  # any failure to unseal is the answer
            print(f"{name}: {type(e).__name__}", file=sys.stderr)
            sys.exit(3)
    json.dump(result, sys.stdout, sort_keys=True)


if __name__ == "__main__":
    main()
