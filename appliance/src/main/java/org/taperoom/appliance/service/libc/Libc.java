package org.taperoom.appliance.service.libc;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;

/**
 * The few libc calls systemd's notification protocol needs, one to one with their C names and
 * types (the JDK cannot send AF_UNIX datagrams, nor reach Linux's abstract socket names).
 * {@code size_t}/{@code ssize_t} are C {@code long}s on Linux: {@link NativeLong}; {@code socklen_t}
 * is a 32-bit unsigned int: {@code int}. A failing call throws {@link LastErrorException} with
 * {@code errno}. {@link #LIBC} is the real library; tests may put a fake in front of it.
 */
public interface Libc {
    int AF_UNIX = 1;
    int SOCK_DGRAM = 2;
    /** Linux: the descriptor is not inherited by child processes. */
    int SOCK_CLOEXEC = 0x80000;
    /** Linux: no SIGPIPE if the receiving end is gone. */
    int MSG_NOSIGNAL = 0x4000;
    /** Linux: fail with EAGAIN instead of waiting. */
    int MSG_DONTWAIT = 0x40;
    int EAGAIN = 11;

    Libc LIBC = new LibcDirect();

    /** {@code int socket(int domain, int type, int protocol)} */
    int socket(int domain, int type, int protocol) throws LastErrorException;

    /** {@code int bind(int sockfd, const struct sockaddr *addr, socklen_t addrlen)} */
    int bind(int sockfd, SockaddrUn addr, int addrlen) throws LastErrorException;

    /** {@code ssize_t sendto(int sockfd, const void *buf, size_t len, int flags, const struct sockaddr *dest_addr, socklen_t addrlen)} */
    NativeLong sendto(int sockfd, byte[] buf, NativeLong len, int flags, SockaddrUn destAddr, int addrlen) throws LastErrorException;

    /** {@code ssize_t recv(int sockfd, void *buf, size_t len, int flags)} */
    NativeLong recv(int sockfd, byte[] buf, NativeLong len, int flags) throws LastErrorException;

    /** {@code int close(int fd)} */
    int close(int fd) throws LastErrorException;

    /** {@code char *strerror(int errnum)}: the C library's sentence for an errno. */
    String strerror(int errnum);
}
