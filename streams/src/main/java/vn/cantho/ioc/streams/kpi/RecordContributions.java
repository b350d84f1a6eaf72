package vn.cantho.ioc.streams.kpi;

import java.util.List;

/**
 * The contributions the stored version of one feed record made, kept per record key so that a
 * correction subtracts exactly what the version it replaces added (even if the rules changed since).
 */
public record RecordContributions(List<Contribution> contributions) {

    public RecordContributions {
        contributions = List.copyOf(contributions);
    }
}
