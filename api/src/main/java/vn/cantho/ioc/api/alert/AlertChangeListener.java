package vn.cantho.ioc.api.alert;

import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.AlertEvent;

/** Told of every audit entry the live stream reads, with its alert as it now stands (metrics use it). */
@FunctionalInterface
public interface AlertChangeListener {

    void changed(AlertEvent event, Alert alert);
}
