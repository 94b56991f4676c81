/**
 * Service lifecycle: every long-lived component (servers, the chain, the epoch loop) is a {@link
 * io.aurelius.core.service.Service} with an explicit state; a {@link
 * io.aurelius.core.service.ServiceController} starts them in order and stops them in reverse, each
 * stop time-boxed and failures logged rather than thrown. Depends on the JDK and SLF4J only.
 */
package io.aurelius.core.service;
