/**
 * Errors as values: {@link io.stratadb.node.errors.RequestException} carries the protocol ERROR a request
 * ends with, and {@link io.stratadb.node.errors.ErrorMapper} maps every other failure to its code.
 */
package io.stratadb.node.errors;
