/**
 * The node's typed configuration: {@link io.stratadb.node.config.NodeConfig} (immutable, with every
 * default in {@link io.stratadb.node.config.NodeConfigBuilder}), the table of {@code strata.yaml} keys in
 * {@link io.stratadb.node.config.Settings}, and the YAML loader whose errors name the setting and line.
 */
package io.stratadb.node.config;
