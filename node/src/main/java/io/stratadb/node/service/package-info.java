/**
 * Request handling: one {@link io.stratadb.node.service.RequestHandler} per request kind, free of Netty
 * (tests call them directly). Data requests go through the coordinator; schema changes run on the schema
 * stage; topology and keyspace listings are answered from memory.
 */
package io.stratadb.node.service;
