/**
 * The phi-accrual failure detector: per endpoint, a window of heartbeat inter-arrival times and a
 * suspicion level (phi) that grows with silence. Driven by explicit timestamps, so tests replay
 * any timeline without a clock or sleeps.
 */
package io.stratadb.gossip.fd;
