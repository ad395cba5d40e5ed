/**
 * The C floor: the project's C ping-pong ({@code ipc_pingpong.c}, a resource of this package), compiled and run by
 * the main job in the same sitting as the IPC round-trip suite, over the same transports, payload sizes and CPU
 * placement, so that every Java round trip in the report stands beside what the same mechanism costs without a JVM.
 * The runner records it in the run folder as {@code floor.json} (results/README.md describes the file).
 */
package io.execbench.floor;
