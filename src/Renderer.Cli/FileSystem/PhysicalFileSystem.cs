using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Renderer.Cli.FileSystem;

/// <summary>
/// The real file system on Linux. Entries are examined with statx(AT_SYMLINK_NOFOLLOW); files are opened with
/// O_NOFOLLOW | O_NONBLOCK, checked again on the open descriptor (a regular file, the same device and inode),
/// and read with a byte budget; directories are locked with flock.
/// </summary>
public sealed partial class PhysicalFileSystem : IFileSystem
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;
    private const int OpenNonBlocking = 0x800;
    private const int OpenWriteOnly = 0x1;
    private const int OpenCreate = 0x40;
    private const int OpenExclusive = 0x80;
    private const int ErrorInterrupted = 4;
    private const int OpenCloseOnExec = 0x80000;
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int ErrorNoEntry = 2;
    private const int ErrorNotDirectory = 20;
    private const int ErrorLoop = 40;
    private const int ErrorWouldBlock = 11;

    // These two differ between processor families; the rest are the same on every Linux.
    private static readonly int OpenNoFollow = IsArm ? 0x8000 : 0x20000;
    private static readonly int OpenDirectory = IsArm ? 0x4000 : 0x10000;

    private static bool IsArm => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm;

    public Entry Stat(string path)
    {
        if (Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxBasicStats, out var status) == 0) return ToEntry(status);
        var error = Marshal.GetLastPInvokeError();
        if (error is ErrorNoEntry or ErrorNotDirectory) return Entry.Missing;
        throw Failure(path, error);
    }

    public IReadOnlyList<string> List(string directory) =>
        Directory.EnumerateFileSystemEntries(directory, "*", new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false, ReturnSpecialDirectories = false })
            .Select(p => Path.GetFileName(p))
            .ToList();

    public byte[] Read(string path, long limit)
    {
        var before = Stat(path);
        if (before.Kind != EntryKind.File) throw new UnsafeEntryException(path, before);
        using var handle = Open(path, OpenNoFollow | OpenNonBlocking | OpenCloseOnExec);
        if (Statx(handle, string.Empty, AtEmptyPath, StatxBasicStats, out var status) != 0) throw Failure(path, Marshal.GetLastPInvokeError());
        var opened = ToEntry(status);
        if (opened.Kind != EntryKind.File || opened.Device != before.Device || opened.Inode != before.Inode) throw new UnsafeEntryException(path, opened);

        using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
        return ReadBounded(stream, path, limit, opened.Length);
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes, counting what arrives rather than trusting a reported length.</summary>
    public static byte[] ReadBounded(Stream stream, string path, long limit, long expected = 0)
    {
        using var buffer = new MemoryStream((int)Math.Clamp(expected, 0, Math.Min(limit, 1 << 24)));
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            total += read;
            if (total > limit) throw new FileTooLargeException(path, limit);
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public void CreateDirectory(string path)
    {
        var entry = Stat(path);
        if (entry.Kind == EntryKind.Directory) return;
        if (entry.Exists) throw new UnsafeEntryException(path, entry);
        var parent = Stat(Path.GetDirectoryName(path) ?? "/");
        if (parent.Kind != EntryKind.Directory) throw new UnsafeEntryException(Path.GetDirectoryName(path) ?? "/", parent);
        Directory.CreateDirectory(path);
    }

    public void WriteNew(string path, ReadOnlyMemory<byte> content)
    {
        // O_CREAT | O_EXCL fails on any existing entry and never follows a link. Opened and written with bare
        // system calls: a FileStream adds an fstat and an flock to every file, and render writes thousands.
        using var handle = Open(path, OpenWriteOnly | OpenCreate | OpenExclusive | OpenNoFollow | OpenCloseOnExec, mode: 0x1B6);
        var bytes = content.Span;
        var written = 0;
        while (written < bytes.Length)
        {
            var count = WriteFile(handle, ref MemoryMarshal.GetReference(bytes[written..]), bytes.Length - written);
            if (count < 0)
            {
                var error = Marshal.GetLastPInvokeError();
                if (error == ErrorInterrupted) continue;
                throw Failure(path, error);
            }

            written += (int)count;
        }
    }

    public void Rename(string from, string to)
    {
        if (Stat(from).Kind == EntryKind.Directory) Directory.Move(from, to);
        else File.Move(from, to, overwrite: true);
    }

    public void DeleteFile(string path) => File.Delete(path);

    public void DeleteDirectory(string path) => Directory.Delete(path, recursive: false);

    public IDisposable? TryLock(string directory)
    {
        var handle = Open(directory, OpenDirectory | OpenNoFollow | OpenCloseOnExec);
        if (Flock(handle, LockExclusive | LockNonBlocking) == 0) return handle;
        var error = Marshal.GetLastPInvokeError();
        handle.Dispose();
        if (error == ErrorWouldBlock) return null;
        throw Failure(directory, error);
    }

    private static SafeFileHandle Open(string path, int flags, int mode = 0)
    {
        var descriptor = OpenFile(path, flags, mode);
        if (descriptor < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error == ErrorLoop) throw new UnsafeEntryException(path, new Entry(EntryKind.SymbolicLink, 0, 0, 0));
            throw Failure(path, error);
        }

        return new SafeFileHandle(descriptor, ownsHandle: true);
    }

    private static Exception Failure(string path, int error)
    {
        var message = $"{path}: {Marshal.GetPInvokeErrorMessage(error)}";
        return error == 13 ? new UnauthorizedAccessException(message) : new IOException(message);
    }

    private static Entry ToEntry(in StatxBuffer status)
    {
        var kind = (status.Mode & 0xF000) switch
        {
            0x8000 => EntryKind.File,
            0x4000 => EntryKind.Directory,
            0xA000 => EntryKind.SymbolicLink,
            _ => EntryKind.Special,
        };
        var device = ((ulong)status.DeviceMajor << 32) | status.DeviceMinor;
        return new Entry(kind, (long)status.Size, device, status.Inode);
    }

    /// <summary>struct statx: the same layout on every Linux processor family.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(32)]
        public ulong Inode;

        [FieldOffset(40)]
        public ulong Size;

        [FieldOffset(136)]
        public uint DeviceMajor;

        [FieldOffset(140)]
        public uint DeviceMinor;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, out StatxBuffer status);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(SafeFileHandle directory, string path, int flags, uint mask, out StatxBuffer status);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int OpenFile(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteFile(SafeFileHandle descriptor, ref byte buffer, nint count);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(SafeFileHandle descriptor, int operation);
}
