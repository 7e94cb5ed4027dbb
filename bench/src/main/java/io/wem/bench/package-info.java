/** Benchmarks run by {@code ./wem bench}; JMH benchmarks run with {@code org.openjdk.jmh.Main}. */
package io.wem.bench;
