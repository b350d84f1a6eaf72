package vn.cantho.ioc.sink.loop;

import java.util.List;

/** Writes one batch to the database atomically and idempotently, or throws and writes nothing. */
@FunctionalInterface
public interface BatchWriter<T> {

    /** Returns the number of rows written. */
    int write(List<T> batch) throws Exception;
}
