package vn.cantho.ioc.api.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.api.auth.Access;
import vn.cantho.ioc.api.http.ApiException;
import vn.cantho.ioc.api.http.ErrorCode;
import vn.cantho.ioc.api.http.QueryParams;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.AlertEvent;
import vn.cantho.ioc.store.alert.AlertPage;
import vn.cantho.ioc.store.alert.AlertQuery;

/**
 * {@code GET /api/v1/alerts/stream}: Server-Sent Events with the list's filters. A new stream gets
 * {@code event: snapshot} (the matching alerts), then one {@code event: alert} per audit entry of a
 * matching alert (or {@code event: gone} when the alert stopped matching), and a {@code : heartbeat}
 * comment when idle. Every event's {@code id} is the audit trail's global id, which the database
 * makes visible in increasing order: a client that reconnects with {@code Last-Event-ID} (or
 * {@code ?lastEventId=} where it cannot set headers) gets every entry after it and no snapshot —
 * no gap, also across hub restarts, because the ids live in the database.
 *
 * <p>One thread follows the audit trail for every subscriber (woken by the alert service's change
 * callback, and polling for changes made by other hub instances), so the database sees one query per
 * tick however many operators watch; a subscriber behind the shared position (a resume) is caught up
 * from the database first. All writes to a subscriber's stream happen on that thread, after its
 * snapshot.
 */
public final class AlertStream implements AutoCloseable {

    /** Most alerts in a snapshot; more are flagged {@code truncated} (narrow the filters). */
    static final int SNAPSHOT_MAX = 1000;

    static final String PATH = AlertRoutes.BASE + "/stream";
    private static final int BATCH = 500;
    /** Most audit entries one subscriber is caught up by per tick, so one long resume cannot stall the rest. */
    private static final int CATCH_UP_PER_TICK = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(AlertStream.class);

    private final AlertBackend alerts;
    private final AlertQueryParser parser = new AlertQueryParser();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final List<AlertChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ioc-alert-stream");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final Duration heartbeat;
    private long head;

    /**
     * @param poll      how often the audit trail is read when nothing in this process signalled a change
     * @param heartbeat how often an idle stream gets a comment, so proxies keep it open and clients see it alive
     */
    public AlertStream(AlertBackend alerts, Duration poll, Duration heartbeat) {
        this.alerts = alerts;
        this.heartbeat = heartbeat;
        this.head = alerts.lastEventId();
        alerts.onChange(this::wake);
        thread.scheduleWithFixedDelay(this::tickSafely, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(
                this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Registers the stream's route; call before {@link AlertRoutes#register} so {@code /stream} is not taken for an id. */
    public void register(JavalinDefaultRouting router) {
        SseHandler sse = new SseHandler(this::open);
        router.get(
                PATH,
                ctx -> {
                    // Javalin's SSE handler answers only this exact value (what EventSource sends).
                    if (!"text/event-stream".equals(ctx.header("Accept"))) {
                        throw new ApiException(
                                ErrorCode.NOT_ACCEPTABLE, "send Accept: text/event-stream for the live stream");
                    }
                    // Validate before the stream starts, so a bad filter is a JSON 400 and not a broken stream.
                    ctx.attribute(
                            Subscriber.class.getName(),
                            new Subscriber(null, parser.parse(QueryParams.of(ctx)), lastEventId(ctx)));
                    sse.handle(ctx);
                },
                Access.READ);
    }

    /** Adds a listener told of every audit entry from now on, in order, on the stream's thread. */
    public void addListener(AlertChangeListener listener) {
        listeners.add(listener);
    }

    /** Number of open streams. */
    public int subscribers() {
        return subscribers.size();
    }

    private void open(SseClient client) {
        Subscriber request = client.ctx().attribute(Subscriber.class.getName());
        Subscriber subscriber = new Subscriber(client, request.filter, request.cursor);
        client.keepAlive();
        client.onClose(() -> subscribers.remove(subscriber));
        if (subscriber.cursor < 0) {
            // A new stream: remember the audit position first, then read the snapshot, so every change after
            // that position reaches the client (a change also in the snapshot arrives twice, newest wins).
            subscriber.cursor = alerts.lastEventId();
            List<Alert> items = new ArrayList<>();
            boolean truncated = snapshot(request.filter, items);
            send(client, "snapshot", new StreamMessage.Snapshot(items, truncated), subscriber.cursor);
        }
        subscribers.add(subscriber);
        wake();
    }

    private boolean snapshot(AlertQuery filter, List<Alert> into) {
        AlertQuery query = filter.withCursor(null).withLimit(AlertQuery.MAX_LIMIT);
        while (true) {
            AlertPage page = alerts.list(query);
            for (Alert alert : page.items()) {
                if (into.size() == SNAPSHOT_MAX) {
                    return true;
                }
                into.add(alert);
            }
            if (page.nextCursor() == null) {
                return false;
            }
            query = query.withCursor(page.nextCursor());
        }
    }

    private void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            thread.execute(() -> {
                wakeQueued.set(false);
                tickSafely();
            });
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // The database may be down; the next tick retries from the same position.
            LOG.warn("live alert stream could not read the audit trail: {}", e.toString());
        }
    }

    private void tick() {
        long previous = head;
        List<AlertEvent> batch = readAfter(previous, Integer.MAX_VALUE);
        Map<Long, Alert> current = new HashMap<>();
        if (!batch.isEmpty()) {
            head = batch.get(batch.size() - 1).id();
            for (AlertEvent event : batch) {
                Optional<Alert> alert = alertOf(event, current);
                alert.ifPresent(a -> listeners.forEach(l -> notify(l, event, a)));
            }
        }
        for (Subscriber subscriber : subscribers) {
            if (subscriber.client.terminated()) {
                subscribers.remove(subscriber);
                continue;
            }
            List<AlertEvent> due = subscriber.cursor >= previous
                    ? batch.stream().filter(e -> e.id() > subscriber.cursor).toList()
                    : readAfter(subscriber.cursor, CATCH_UP_PER_TICK);
            for (AlertEvent event : due) {
                alertOf(event, current).ifPresent(alert -> deliver(subscriber, event, alert));
                subscriber.cursor = event.id();
            }
            if (subscriber.cursor < head) {
                wake();
            }
        }
    }

    private List<AlertEvent> readAfter(long after, int max) {
        List<AlertEvent> all = new ArrayList<>();
        long cursor = after;
        while (all.size() < max) {
            List<AlertEvent> page = alerts.eventsAfter(cursor, BATCH);
            all.addAll(page);
            if (page.size() < BATCH) {
                break;
            }
            cursor = page.get(page.size() - 1).id();
        }
        return all;
    }

    private Optional<Alert> alertOf(AlertEvent event, Map<Long, Alert> cache) {
        Alert alert = cache.get(event.alertId());
        if (alert == null) {
            Optional<Alert> found = alerts.get(event.alertId());
            found.ifPresent(a -> cache.put(a.id(), a));
            return found;
        }
        return Optional.of(alert);
    }

    private static void deliver(Subscriber subscriber, AlertEvent event, Alert alert) {
        if (AlertFilter.matches(subscriber.filter, alert)) {
            send(subscriber.client, "alert", new StreamMessage.Change(event, alert), event.id());
        } else {
            send(subscriber.client, "gone", new StreamMessage.Gone(alert.id(), event.id()), event.id());
        }
    }

    private static void send(SseClient client, String name, Object data, long id) {
        try {
            client.sendEvent(name, Json.mapper().writeValueAsString(data), Long.toString(id));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a stream message", e);
        }
    }

    private static void notify(AlertChangeListener listener, AlertEvent event, Alert alert) {
        try {
            listener.changed(event, alert);
        } catch (RuntimeException e) {
            LOG.warn("alert change listener failed: {}", e.toString());
        }
    }

    private void heartbeat() {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.client.terminated()) {
                subscribers.remove(subscriber);
            } else {
                subscriber.client.sendComment("heartbeat");
            }
        }
    }

    private static long lastEventId(Context ctx) {
        String text = ctx.header("Last-Event-ID");
        String name = "Last-Event-ID";
        if (text == null || text.isBlank()) {
            text = QueryParams.of(ctx).get("lastEventId").orElse(null);
            name = "lastEventId";
        }
        if (text == null || text.isBlank()) {
            return -1;
        }
        try {
            long id = Long.parseLong(text.strip());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badParameter(name, "'" + text + "' is not an event id of this stream");
    }

    /** Stops following the audit trail and ends every open stream. */
    @Override
    public void close() {
        thread.shutdownNow();
        for (Subscriber subscriber : subscribers) {
            subscriber.client.close();
        }
        subscribers.clear();
    }

    /** One open stream: its filters and the id of the last audit entry it has been given. */
    private static final class Subscriber {
        final SseClient client;
        final AlertQuery filter;
        volatile long cursor;

        Subscriber(SseClient client, AlertQuery filter, long cursor) {
            this.client = client;
            this.filter = filter;
            this.cursor = cursor;
        }
    }
}
