/**
 * A small HTTP/1.1 server run under each execution model, for the "server under load" experiment: the same parser
 * ({@link io.execbench.server.RequestParser}) and handler ({@link io.execbench.server.Handler}) in every model, so
 * the models differ only in where work runs. Start one with {@link io.execbench.server.Servers#start} and a
 * {@link io.execbench.server.ServerConfig}; the models: {@code eventLoop} (one NIO thread does everything),
 * {@code loopOffload} (heavy requests go to a pool), {@code threadPool} (blocking, a thread per connection from a fixed
 * pool), {@code virtual} (blocking, a virtual thread per connection), {@code processes} (N event-loop JVMs on one
 * port with SO_REUSEPORT). Routes: {@code GET /cheap}, {@code GET /heavy}; anything else is 404.
 */
package io.execbench.server;
