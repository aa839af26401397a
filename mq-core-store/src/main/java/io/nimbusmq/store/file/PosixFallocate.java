package io.nimbusmq.store.file;

import java.io.IOException;
import java.nio.file.Path;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code posix_fallocate(3)} of the C library, called through JNA: the file system allocates a range of a file without
 * anything being written to it.
 *
 * <p><b>Why.</b> The JDK has no call for it ({@code FileChannel.map} and {@code RandomAccessFile.setLength} leave a
 * sparse file). ext4 and xfs record the range as allocated, unwritten extents that read as zeros: no data goes to the
 * page cache or the disk, and 1 GiB takes about 15 ms on the reference VM. A full disk answers ENOSPC at once. tmpfs
 * allocates the pages. glibc writes zeros itself on a file system without {@code fallocate(2)}; where the call is
 * refused with EOPNOTSUPP or ENOSYS (musl), {@link #allocate} says so and the caller falls back.
 *
 * <p><b>Where.</b> 64-bit Linux only (the error numbers below and a 64-bit {@code off_t} are Linux's). The library is
 * bound on first use, not when the class loads: JNA's start costs about 100 ms of a cold JVM, and only stores that
 * create segments pay it. If JNA is missing from the class path or cannot load its native part, {@link #allocate}
 * answers false, once logged.
 */
final class PosixFallocate {

    private static final Logger log = LoggerFactory.getLogger(PosixFallocate.class);
    private static final int O_WRONLY = 1;
    private static final int ENOSYS = 38;
    private static final int EOPNOTSUPP = 95;

    private static volatile boolean unavailable;

    private PosixFallocate() {
    }

    /** The C functions used; JNA implements the interface. */
    interface CLibrary extends Library {

        int open(String path, int flags) throws LastErrorException;

        int close(int fd);

        /** Returns 0 or an error number; does not set errno. */
        int posix_fallocate(int fd, long offset, long length);

        String strerror(int errno);
    }

    /** Bound when first needed (class initialisation is lazy and thread-safe). */
    private static final class Binding {
        static final CLibrary LIBC = Platform.isLinux() && Platform.is64Bit()
                ? Native.load(Platform.C_LIBRARY_NAME, CLibrary.class) : null;
    }

    /** Whether {@link #allocate} can call the C library here. Binds it if not done yet. */
    static boolean available() {
        return library() != null;
    }

    /**
     * Allocates [{@code offset}, {@code offset + length}) of the existing file {@code path}, extending it if it is
     * shorter. Bytes already in the range keep their values.
     *
     * @return false if the call is not available here or the file system does not support it: nothing was done
     * @throws IOException with the C library's words for the error ("No space left on device" for ENOSPC)
     */
    static boolean allocate(Path path, long offset, long length) throws IOException {
        CLibrary libc = library();
        if (libc == null) {
            return false;
        }
        int fd;
        try {
            fd = libc.open(path.toString(), O_WRONLY);
        } catch (LastErrorException e) {
            throw new IOException("cannot open " + path + ": " + libc.strerror(e.getErrorCode()));
        }
        try {
            int error = libc.posix_fallocate(fd, offset, length);
            if (error == 0) {
                return true;
            }
            if (error == EOPNOTSUPP || error == ENOSYS) {
                return false;
            }
            throw new IOException(libc.strerror(error) + " (errno " + error + ")");
        } finally {
            libc.close(fd);
        }
    }

    private static CLibrary library() {
        if (unavailable) {
            return null;
        }
        try {
            CLibrary libc = Binding.LIBC;
            if (libc == null) {
                unavailable = true;
            }
            return libc;
        } catch (LinkageError | RuntimeException e) {
            // NoClassDefFoundError without JNA, UnsatisfiedLinkError without its native part: both say it all
            log.info("posix_fallocate is not available ({}): store segments are reserved by writing zeros", e.toString());
            unavailable = true;
            return null;
        }
    }
}
