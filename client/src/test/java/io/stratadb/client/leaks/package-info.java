/**
 * Makes a Netty buffer leak fail the build instead of only printing a "LEAK:" line: a leak detector that
 * records what Netty's paranoid detector reports, and a JUnit extension that checks after each test class.
 */
package io.stratadb.client.leaks;
