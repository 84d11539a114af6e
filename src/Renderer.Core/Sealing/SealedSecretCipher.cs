using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace Renderer.Core.Sealing;

/// <summary>
/// The hybrid encryption of the sealed-secrets controller, byte for byte: a random 32-byte session key
/// encrypted with RSA-OAEP (SHA-256, MGF1-SHA-256, with a label), then the value encrypted with AES-256-GCM
/// under that key and a zero 12-byte nonce (the key is used once). The result is the RSA ciphertext's length
/// as 2 big-endian bytes, the RSA ciphertext, and the AES ciphertext with its 16-byte tag.
/// .NET's OAEP takes no label, so the OAEP encoding (RFC 8017, 7.1.1) is done here and the RSA step is the
/// public-key operation itself. All randomness comes from the injected generator.
/// </summary>
public static class SealedSecretCipher
{
    public const int SessionKeyBytes = 32;
    private const int HashBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public static byte[] Encrypt(RSAParameters publicKey, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> label, RandomNumberGenerator random)
    {
        if (publicKey.Modulus is not { Length: > 0 } modulus || publicKey.Exponent is not { Length: > 0 } exponent)
        {
            throw new ArgumentException("The public key has no modulus or exponent.", nameof(publicKey));
        }

        var sessionKey = new byte[SessionKeyBytes];
        random.GetBytes(sessionKey);
        var rsaCiphertext = EncryptOaep(modulus, exponent, sessionKey, label, random);

        var result = new byte[2 + rsaCiphertext.Length + plaintext.Length + TagBytes];
        BinaryPrimitives.WriteUInt16BigEndian(result, checked((ushort)rsaCiphertext.Length));
        rsaCiphertext.CopyTo(result.AsSpan(2));
        var body = result.AsSpan(2 + rsaCiphertext.Length);
        using (var aes = new AesGcm(sessionKey, TagBytes))
        {
            aes.Encrypt(new byte[NonceBytes], plaintext, body[..plaintext.Length], body[plaintext.Length..]);
        }

        CryptographicOperations.ZeroMemory(sessionKey);
        return result;
    }

    /// <summary>RSAES-OAEP-ENCRYPT with SHA-256 and MGF1-SHA-256.</summary>
    private static byte[] EncryptOaep(byte[] modulus, byte[] exponent, ReadOnlySpan<byte> message, ReadOnlySpan<byte> label, RandomNumberGenerator random)
    {
        var n = new BigInteger(modulus, isUnsigned: true, isBigEndian: true);
        var k = (int)((n.GetBitLength() + 7) / 8);
        if (message.Length > k - 2 * HashBytes - 2) throw new ArgumentException("The RSA key is too small for OAEP with SHA-256.", nameof(modulus));

        // DB = lHash || PS || 0x01 || M
        var db = new byte[k - HashBytes - 1];
        SHA256.HashData(label, db);
        db[db.Length - message.Length - 1] = 0x01;
        message.CopyTo(db.AsSpan(db.Length - message.Length));

        var seed = new byte[HashBytes];
        random.GetBytes(seed);
        Xor(db, Mgf1(seed, db.Length));
        Xor(seed, Mgf1(db, HashBytes));

        var encoded = new byte[k];
        seed.CopyTo(encoded, 1);
        db.CopyTo(encoded, 1 + HashBytes);

        var m = new BigInteger(encoded, isUnsigned: true, isBigEndian: true);
        var c = BigInteger.ModPow(m, new BigInteger(exponent, isUnsigned: true, isBigEndian: true), n);
        var bytes = c.ToByteArray(isUnsigned: true, isBigEndian: true);
        var output = new byte[k];
        bytes.CopyTo(output, k - bytes.Length);
        return output;
    }

    private static byte[] Mgf1(ReadOnlySpan<byte> seed, int length)
    {
        var mask = new byte[length];
        var input = new byte[seed.Length + 4];
        seed.CopyTo(input);
        var block = new byte[HashBytes];
        for (int counter = 0, offset = 0; offset < length; counter++, offset += HashBytes)
        {
            BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(seed.Length), (uint)counter);
            SHA256.HashData(input, block);
            block.AsSpan(0, Math.Min(HashBytes, length - offset)).CopyTo(mask.AsSpan(offset));
        }

        return mask;
    }

    private static void Xor(Span<byte> target, ReadOnlySpan<byte> mask)
    {
        for (var i = 0; i < target.Length; i++) target[i] ^= mask[i];
    }
}
