package vn.cantho.ioc.api.explanation;

import java.util.List;
import java.util.Optional;
import vn.cantho.ioc.store.explanation.ExplanationEvent;
import vn.cantho.ioc.store.explanation.ExplanationPage;
import vn.cantho.ioc.store.explanation.ExplanationRequest;
import vn.cantho.ioc.store.explanation.ExplanationRequest.Status;
import vn.cantho.ioc.store.explanation.ExplanationStore;
import vn.cantho.ioc.store.explanation.NewExplanationRequest;

/**
 * No requests for explanation, for route tests of other resources: every read is empty and nothing is ever overdue.
 * Creating or answering one is not what those tests do, so it fails loudly.
 */
public final class FakeExplanations implements ExplanationBackend {

    @Override
    public ExplanationRequest create(NewExplanationRequest request, String actor) {
        throw new UnsupportedOperationException("this fake stores no requests for explanation");
    }

    @Override
    public ExplanationPage list(String department, Status status, int limit, String cursor) {
        return new ExplanationPage(List.of(), null);
    }

    @Override
    public Optional<ExplanationRequest> get(long id) {
        return Optional.empty();
    }

    @Override
    public Optional<ExplanationRequest> markRead(long id, String actor) {
        return Optional.empty();
    }

    @Override
    public Optional<ExplanationStore.Answered> answer(long id, String answer, String actor) {
        return Optional.empty();
    }

    @Override
    public List<ExplanationRequest> claimOverdue(String actor, int limit) {
        return List.of();
    }

    @Override
    public List<ExplanationEvent> events(long requestId) {
        return List.of();
    }
}
