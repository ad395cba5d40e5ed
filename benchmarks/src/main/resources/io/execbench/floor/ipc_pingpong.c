/*
 * The C floor of io.execbench.ipc.IpcRoundTripBenchmark, written for this project: a parent sends PAYLOAD bytes
 * to a forked child, which reads them all and sends them back; one round trip per iteration, timed with one
 * CLOCK_MONOTONIC reading on each side of it; the first 10% are discarded as warm-up. The main job compiles and
 * runs it in the same sitting as the Java suite (io.execbench.floor.CFloor); by hand:
 *
 *   cc -O2 -o /tmp/ipc_pingpong benchmarks/src/main/resources/io/execbench/floor/ipc_pingpong.c
 *   /tmp/ipc_pingpong pipe|uds|tcp|shm PAYLOAD_BYTES MAX_ROUND_TRIPS MAX_MILLIS CALLER_CPU PEER_CPU
 *
 * It stops after MAX_ROUND_TRIPS or once MAX_MILLIS have passed, whichever comes first. CALLER_CPU and PEER_CPU
 * pin the parent and the child (sched_setaffinity); -1 leaves that end to the OS. The Java benchmark's default
 * placement (split) pins the caller to the first allowed CPU and the peer to the second.
 *
 * Prints one line: "floor MECHANISM PAYLOAD_BYTES ROUND_TRIPS P50_NS P99_NS MEAN_NS" over the round trips kept.
 * shm spins on a sequence number (C11 acquire/release) in an anonymous shared mapping and copies the payload in and
 * out of it; it never sleeps. Errors go to stderr with exit status 1 (2 for bad arguments).
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
#include <sys/prctl.h>
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
    if (cpu < 0) return;
    cpu_set_t set; CPU_ZERO(&set); CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set)) die("sched_setaffinity");
}

static long long now_ns(void) {
    struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int by_value(const void *a, const void *b) {
    long long x = *(const long long *) a, y = *(const long long *) b; return (x > y) - (x < y);
}

struct shm_slot { _Atomic long seq; char pad[56]; };

int main(int argc, char **argv) {
    if (argc != 7) {
        fprintf(stderr, "usage: %s pipe|uds|tcp|shm PAYLOAD_BYTES MAX_ROUND_TRIPS MAX_MILLIS CALLER_CPU PEER_CPU\n",
                argv[0]);
        return 2;
    }
    const char *mech = argv[1];
    long payload_arg = atol(argv[2]), iterations = atol(argv[3]), max_ms = atol(argv[4]);
    int caller_cpu = atoi(argv[5]), peer_cpu = atoi(argv[6]);
    if (payload_arg < 0 || iterations < 10 || max_ms < 1) { fprintf(stderr, "bad arguments\n"); return 2; }
    size_t payload = (size_t) payload_arg, room = payload ? payload : 1;
    char *buf = calloc(room, 1), *peerbuf = calloc(room, 1);
    long long *rt = malloc(sizeof(long long) * (size_t) iterations);
    if (!buf || !peerbuf || !rt) die("malloc");
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
        if (bind(l, (struct sockaddr *) &addr, sizeof addr) || listen(l, 1)
                || getsockname(l, (struct sockaddr *) &addr, &len)) die("listen");
        int c = socket(AF_INET, SOCK_STREAM, 0);
        if (connect(c, (struct sockaddr *) &addr, sizeof addr)) die("connect");
        int s = accept(l, NULL, NULL); if (s < 0) die("accept");
        setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        to_child = from_child = c; child_in = child_out = s; close(l);
    } else if (!strcmp(mech, "shm")) {
        size_t bytes = 2 * sizeof(struct shm_slot) + 2 * room;
        void *m = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED) die("mmap");
        memset(m, 0, bytes); slots = m; shm_data = (char *) m + 2 * sizeof(struct shm_slot);
    } else { fprintf(stderr, "unknown mechanism %s\n", mech); return 2; }

    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) die("fork");
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL); // never outlive the parent
        if (getppid() != parent) _exit(1);
        pin(peer_cpu);
        if (slots) {
            char *request = shm_data, *reply = shm_data + room;
            for (long i = 1;; i++) {
                long seq;
                while ((seq = atomic_load_explicit(&slots[0].seq, memory_order_acquire)) != i) {
                    if (seq < 0) _exit(0);
                    __builtin_ia32_pause();
                }
                memcpy(peerbuf, request, payload); memcpy(reply, peerbuf, payload);
                atomic_store_explicit(&slots[1].seq, i, memory_order_release);
            }
        }
        if (to_child != child_in) close(to_child);
        if (from_child != child_out && from_child != to_child) close(from_child);
        for (;;) {
            if (full_read(child_in, peerbuf, room)) _exit(0); // the parent closed its end: done
            full_write(child_out, peerbuf, room);
        }
    }
    pin(caller_cpu);
    long long deadline = now_ns() + max_ms * 1000000LL;
    long done = 0;
    for (long i = 0; i < iterations; i++) {
        long long start = now_ns();
        if (slots) {
            char *request = shm_data, *reply = shm_data + room;
            memcpy(request, buf, payload);
            atomic_store_explicit(&slots[0].seq, i + 1, memory_order_release);
            while (atomic_load_explicit(&slots[1].seq, memory_order_acquire) != i + 1) { __builtin_ia32_pause(); }
            memcpy(buf, reply, payload);
        } else {
            full_write(to_child, buf, room);
            if (full_read(from_child, buf, room)) die("read");
        }
        long long end = now_ns();
        rt[i] = end - start;
        done = i + 1;
        if (end > deadline && done >= 10) break;
    }
    if (slots) {
        atomic_store_explicit(&slots[0].seq, -1, memory_order_release);
    } else {
        close(to_child);
        if (from_child != to_child) close(from_child);
    }
    waitpid(pid, NULL, 0);
    long skip = done / 10, n = done - skip;
    long double sum = 0; for (long i = skip; i < done; i++) sum += rt[i];
    qsort(rt + skip, (size_t) n, sizeof(long long), by_value);
    long p99 = skip + (long) (n * 0.99); if (p99 >= done) p99 = done - 1;
    printf("floor %s %zu %ld %lld %lld %.0Lf\n", mech, payload, n, rt[skip + n / 2], rt[p99], sum / n);
    return 0;
}
