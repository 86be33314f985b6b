/** Test helpers: a blocking protocol client, request shorthands, test configurations, a gated file system. */
package io.stratadb.node.testing;
