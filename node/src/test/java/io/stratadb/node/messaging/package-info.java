/**
 * Messaging tests: payload codecs with random contents, frame codec on EmbeddedChannel, and one contract
 * suite run over both transports (in memory and Netty on loopback).
 */
package io.stratadb.node.messaging;
