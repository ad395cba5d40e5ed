/*
 * The C reference for io.execbench.ipc.IpcRoundTripBenchmark, written for this project: a parent sends PAYLOAD
 * bytes to a forked child, which reads them all and sends them back; one round trip per iteration, timed with one
 * CLOCK_MONOTONIC reading per iteration; the first 10% are discarded as warm-up. Placement is left to the OS
 * unless run under taskset. Not built by Maven; used to quote a C figure measured in the same sitting:
 *
 *   gcc -O2 -o /tmp/ipc_pingpong benchmarks/src/test/c/ipc_pingpong.c
 *   /tmp/ipc_pingpong pipe|uds|tcp|shm PAYLOAD_BYTES ITERATIONS [split]
 *
 * With "split" the parent pins itself to CPU 0 and the child to CPU 1 (sched_setaffinity), the placement of the
 * Java benchmark's default (placement=split) and of the reference table in shared/anchors.md.
 *
 * Prints: mechanism, payload, p50, p99 and mean round trip in microseconds. shm spins on a sequence number
 * (C11 acquire/release) in an anonymous shared mapping and copies the payload in and out of it; it never sleeps.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void die(const char *what) { perror(what); exit(1); }

static void full_write(int fd, const char *buf, size_t n) {
    while (n > 0) { ssize_t w = write(fd, buf, n); if (w <= 0) die("write"); buf += w; n -= (size_t) w; }
}

static int full_read(int fd, char *buf, size_t n) {
    while (n > 0) { ssize_t r = read(fd, buf, n); if (r <= 0) return -1; buf += r; n -= (size_t) r; }
    return 0;
}

static void pin(int cpu) {
    cpu_set_t set; CPU_ZERO(&set); CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set)) die("sched_setaffinity");
}

static double now_us(void) {
    struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b; return (x > y) - (x < y);
}

struct shm_slot { _Atomic long seq; char pad[56]; };

int main(int argc, char **argv) {
    if (argc != 4 && argc != 5) {
        fprintf(stderr, "usage: %s pipe|uds|tcp|shm PAYLOAD_BYTES ITERATIONS [split]\n", argv[0]); return 2;
    }
    int split = argc == 5 && !strcmp(argv[4], "split");
    const char *mech = argv[1];
    size_t payload = (size_t) atol(argv[2]);
    long iterations = atol(argv[3]);
    char *buf = calloc(payload ? payload : 1, 1), *peerbuf = calloc(payload ? payload : 1, 1);
    double *rt = malloc(sizeof(double) * (size_t) iterations);
    int to_child = -1, from_child = -1, child_in = -1, child_out = -1;
    struct shm_slot *slots = NULL; char *shm_data = NULL;

    if (!strcmp(mech, "pipe")) {
        int a[2], b[2]; if (pipe(a) || pipe(b)) die("pipe");
        to_child = a[1]; child_in = a[0]; child_out = b[1]; from_child = b[0];
    } else if (!strcmp(mech, "uds")) {
        int sv[2]; if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv)) die("socketpair");
        to_child = from_child = sv[0]; child_in = child_out = sv[1];
    } else if (!strcmp(mech, "tcp")) {
        int l = socket(AF_INET, SOCK_STREAM, 0), one = 1;
        struct sockaddr_in addr = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
        socklen_t len = sizeof addr;
        if (bind(l, (struct sockaddr *) &addr, sizeof addr) || listen(l, 1) || getsockname(l, (struct sockaddr *) &addr, &len)) die("listen");
        int c = socket(AF_INET, SOCK_STREAM, 0);
        if (connect(c, (struct sockaddr *) &addr, sizeof addr)) die("connect");
        int s = accept(l, NULL, NULL); if (s < 0) die("accept");
        setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one); setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        to_child = from_child = c; child_in = child_out = s; close(l);
    } else if (!strcmp(mech, "shm")) {
        size_t bytes = 2 * sizeof(struct shm_slot) + 2 * (payload ? payload : 1);
        void *m = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED) die("mmap");
        memset(m, 0, bytes); slots = m; shm_data = (char *) m + 2 * sizeof(struct shm_slot);
    } else { fprintf(stderr, "unknown mechanism %s\n", mech); return 2; }

    pid_t pid = fork();
    if (pid < 0) die("fork");
    if (pid == 0) {
        if (split) pin(1);
        if (slots) {
            char *request = shm_data, *reply = shm_data + (payload ? payload : 1);
            for (long i = 1; i <= iterations; i++) {
                while (atomic_load_explicit(&slots[0].seq, memory_order_acquire) != i) { __builtin_ia32_pause(); }
                memcpy(peerbuf, request, payload); memcpy(reply, peerbuf, payload);
                atomic_store_explicit(&slots[1].seq, i, memory_order_release);
            }
            _exit(0);
        }
        for (long i = 0; i < iterations; i++) {
            if (full_read(child_in, peerbuf, payload ? payload : 1)) _exit(1);
            full_write(child_out, peerbuf, payload ? payload : 1);
        }
        _exit(0);
    }
    if (split) pin(0);
    for (long i = 0; i < iterations; i++) {
        double start = now_us();
        if (slots) {
            char *request = shm_data, *reply = shm_data + (payload ? payload : 1);
            memcpy(request, buf, payload);
            atomic_store_explicit(&slots[0].seq, i + 1, memory_order_release);
            while (atomic_load_explicit(&slots[1].seq, memory_order_acquire) != i + 1) { __builtin_ia32_pause(); }
            memcpy(buf, reply, payload);
        } else {
            full_write(to_child, buf, payload ? payload : 1);
            if (full_read(from_child, buf, payload ? payload : 1)) die("read");
        }
        rt[i] = now_us() - start;
    }
    waitpid(pid, NULL, 0);
    long skip = iterations / 10, n = iterations - skip;
    double sum = 0; for (long i = skip; i < iterations; i++) sum += rt[i];
    qsort(rt + skip, (size_t) n, sizeof(double), by_value);
    printf("%s%s %zu B: p50 %.2f us, p99 %.2f us, mean %.2f us (%ld round trips)\n", mech, split ? " split" : "", payload,
           rt[skip + n / 2], rt[skip + (long) (n * 0.99)], sum / n, n);
    return 0;
}
