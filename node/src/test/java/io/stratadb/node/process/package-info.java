/**
 * Process tests: real node JVMs started by {@code bin/strata-cluster}, killed with SIGKILL and restarted.
 * Tagged {@code cluster-process} and left out of {@code mvn verify}; run them with {@code -Pcluster-process}
 * (docs/operations.md, "Process tests").
 */
package io.stratadb.node.process;
