/**
 * The node as a whole: {@link io.stratadb.node.StrataNode} (an object built from its configuration and
 * environment, started and closed explicitly; three fit in one JVM) and the command-line entry point.
 */
package io.stratadb.node;
