/** The YCSB binding: lets the standard YCSB client load and run its workloads against StrataDB. */
package io.stratadb.ycsb;
