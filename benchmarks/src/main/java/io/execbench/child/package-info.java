/**
 * Child JVMs and their lifetime: the one way this project starts a child JVM ({@link io.execbench.child.ChildJvm}),
 * how a parent stops its whole tree of children when it ends ({@link io.execbench.child.ProcessTree}), and how a
 * child ends itself when its parent is gone, even when it is busy and even after {@code kill -9} of the parent
 * ({@link io.execbench.child.ParentWatch}).
 */
package io.execbench.child;
