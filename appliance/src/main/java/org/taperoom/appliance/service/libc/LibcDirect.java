package org.taperoom.appliance.service.libc;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

/** {@link Libc} bound to the C library through JNA direct mapping (no proxy, no reflection per call). */
final class LibcDirect implements Libc {

    /** The C functions themselves, registered under their own names. */
    private static final class C {
        static {
            Native.register("c");
        }

        static native int socket(int domain, int type, int protocol) throws LastErrorException;
        static native int bind(int sockfd, SockaddrUn addr, int addrlen) throws LastErrorException;
        static native NativeLong sendto(int sockfd, byte[] buf, NativeLong len, int flags, SockaddrUn destAddr, int addrlen)
                throws LastErrorException;
        static native NativeLong recv(int sockfd, byte[] buf, NativeLong len, int flags) throws LastErrorException;
        static native int close(int fd) throws LastErrorException;
        static native String strerror(int errnum);
    }

    @Override public int socket(int domain, int type, int protocol) { return C.socket(domain, type, protocol); }
    @Override public int bind(int sockfd, SockaddrUn addr, int addrlen) { return C.bind(sockfd, addr, addrlen); }
    @Override public NativeLong sendto(int sockfd, byte[] buf, NativeLong len, int flags, SockaddrUn destAddr, int addrlen) {
        return C.sendto(sockfd, buf, len, flags, destAddr, addrlen);
    }
    @Override public NativeLong recv(int sockfd, byte[] buf, NativeLong len, int flags) { return C.recv(sockfd, buf, len, flags); }
    @Override public int close(int fd) { return C.close(fd); }
    @Override public String strerror(int errnum) { return C.strerror(errnum); }
}
