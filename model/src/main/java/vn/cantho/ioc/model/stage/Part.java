package vn.cantho.ioc.model.stage;

import vn.cantho.ioc.model.health.HealthCheck;

/**
 * A piece of a {@link Stage} with a life: a streams application, a Kafka → database sink, a server, a
 * scheduler. Built from its options without side effects; {@link #start()} makes it run, {@link #close()} stops
 * it (and must be safe to call once whether or not it started), {@link #check()} says how it is doing.
 */
public interface Part extends HealthCheck, AutoCloseable {

    void start() throws Exception;

    @Override
    void close();
}
