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
 * What the requests-for-explanation routes and the overdue check need from storage. Owned by the API so its routes
 * can be tested with an in-memory fake; production stores requests in PostgreSQL through {@link ExplanationStore}.
 */
public interface ExplanationBackend {

    /** Stores a new request and its REQUESTED event. */
    ExplanationRequest create(NewExplanationRequest request, String actor);

    /** Requests, newest first, narrowed by whichever of department and status is not null. */
    ExplanationPage list(String department, Status status, int limit, String cursor);

    Optional<ExplanationRequest> get(long id);

    /** Records that the addressed unit opened the request, once (the first time). */
    Optional<ExplanationRequest> markRead(long id, String actor);

    /** Answers an unanswered request (an answered one keeps its first answer); empty when there is no such request. */
    Optional<ExplanationStore.Answered> answer(long id, String answer, String actor);

    /** Claims the unanswered requests past due that raised no alert yet; each is returned once, to one claimer. */
    List<ExplanationRequest> claimOverdue(String actor, int limit);

    /** The request's audit trail, oldest first. */
    List<ExplanationEvent> events(long requestId);

    /** The stored requests for explanation. */
    static ExplanationBackend of(ExplanationStore store) {
        return new ExplanationBackend() {
            @Override
            public ExplanationRequest create(NewExplanationRequest request, String actor) {
                return store.create(request, actor);
            }

            @Override
            public ExplanationPage list(String department, Status status, int limit, String cursor) {
                return store.list(department, status, limit, cursor);
            }

            @Override
            public Optional<ExplanationRequest> get(long id) {
                return store.get(id);
            }

            @Override
            public Optional<ExplanationRequest> markRead(long id, String actor) {
                return store.markRead(id, actor);
            }

            @Override
            public Optional<ExplanationStore.Answered> answer(long id, String answer, String actor) {
                return store.answer(id, answer, actor);
            }

            @Override
            public List<ExplanationRequest> claimOverdue(String actor, int limit) {
                return store.claimOverdue(actor, limit);
            }

            @Override
            public List<ExplanationEvent> events(long requestId) {
                return store.events(requestId);
            }
        };
    }
}
