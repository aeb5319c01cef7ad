package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Plays accepted calls on a scheduler, one step every {@code stepDelayMillis}, never on the thread
 * that answered the API request. Each step first updates the conversation (so {@code GET
 * /conversation/{id}} shows it whether or not its webhook arrives), then hands its event to the
 * call's outbox, unless the script drops that event type or the call has no webhook (neither its
 * own nor its agent's: see {@link WebhookTarget}).
 *
 * <p>Steps: {@code call.started}, {@code call.answered}, {@code transcription.update} per transcript
 * line, {@code tool.executed}, {@code call.ended}; a NO_ANSWER call plays only the first and the
 * last, a FAILED one is cut off after one transcript line and plays no tool.
 */
final class CallLifecycle {

    static final String RECORDING_BASE = "https://storage.tryhamsa.com/recordings/";
    static final String TOOL_NAME = "lookup_order";
    static final String FAILURE_REASON = "Call disconnected by the carrier (simulated)";
    /** Simulated call time per transcript line and for the tool, in seconds. */
    static final int SECONDS_PER_LINE = 6;
    static final int TOOL_SECONDS = 2;

    private enum Kind { STARTED, ANSWERED, LINE, TOOL, ENDED }

    private record Step(Kind kind, int index) {
    }

    private final Json json;
    private final CallJson callJson;
    private final Clock clock;
    private final String projectId;
    private final LongSupplier seed;
    private final CallScript initialScript;
    private final AtomicReference<CallScript> script;
    private final Activity activity = new Activity();
    private final ScheduledThreadPoolExecutor scheduler;
    private final WebhookDispatcher dispatcher;
    private Random shuffleRandom;
    private final java.util.function.Function<String, java.util.Optional<ToolUsed>> toolOf;

    /** The web tool a call's agent uses, as its {@code tool.executed} names it. */
    record ToolUsed(String id, String name) {
    }

    CallLifecycle(Json json, Clock clock, String projectId, CallScript initialScript, LongSupplier seed) {
        this(json, clock, projectId, initialScript, seed, agent -> java.util.Optional.empty());
    }

    /** @param toolOf the first web tool an agent uses, if it has one: its tool step then calls that tool */
    CallLifecycle(Json json, Clock clock, String projectId, CallScript initialScript, LongSupplier seed,
                  java.util.function.Function<String, java.util.Optional<ToolUsed>> toolOf) {
        this.toolOf = toolOf;
        this.json = json;
        this.callJson = new CallJson(json);
        this.clock = clock;
        this.projectId = projectId;
        this.seed = seed;
        this.initialScript = initialScript;
        this.script = new AtomicReference<>(initialScript);
        this.scheduler = new ScheduledThreadPoolExecutor(2, Threads.daemon("hamsa-simulator-calls-"));
        scheduler.setRemoveOnCancelPolicy(true);
        this.dispatcher = new WebhookDispatcher(clock, activity, scheduler);
        this.shuffleRandom = new Random(seed.getAsLong());
    }

    String projectId() {
        return projectId;
    }

    CallScript script() {
        return script.get();
    }

    /** Applies to calls accepted from now on; re-seeds the shuffle. */
    void setScript(CallScript updated) {
        script.set(updated);
        synchronized (this) {
            shuffleRandom = new Random(seed.getAsLong());
        }
    }

    /** Back to the script the simulator was built with; forgets the deliveries. */
    void reset() {
        setScript(initialScript);
        dispatcher.clearDeliveries();
    }

    WebhookDispatcher dispatcher() {
        return dispatcher;
    }

    Activity activity() {
        return activity;
    }

    /** Starts playing a just-accepted call (or a just-joined web conversation), unless its script says not to. */
    void accept(Conversation call) {
        if (!call.script().autoPlay()) {
            return;
        }
        List<Step> plan = plan(call);
        WebhookDispatcher.Outbox outbox = call.webhookUrl() == null ? null : dispatcher.outbox(call);
        activity.begin();
        schedule(() -> play(call, plan, 0, outbox, new ArrayList<>()), call);
    }

    void close() {
        scheduler.shutdownNow();
        dispatcher.close();
        activity.close();
    }

    private static List<Step> plan(Conversation call) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Kind.STARTED, 0));
        switch (call.outcome()) {
            case COMPLETED -> {
                steps.add(new Step(Kind.ANSWERED, 0));
                for (int i = 0; i < call.script().transcriptTurns(); i++) {
                    steps.add(new Step(Kind.LINE, i));
                }
                steps.add(new Step(Kind.TOOL, 0));
            }
            case FAILED -> {
                steps.add(new Step(Kind.ANSWERED, 0));
                steps.add(new Step(Kind.LINE, 0));
            }
            case NO_ANSWER -> {
                // Nobody picks up: nothing between the start and the end.
            }
        }
        steps.add(new Step(Kind.ENDED, 0));
        return List.copyOf(steps);
    }

    /** Plays step {@code index}, then schedules the next; {@code held} collects a shuffled call's events. */
    private void play(Conversation call, List<Step> plan, int index, WebhookDispatcher.Outbox outbox,
                      List<WebhookEvent> held) {
        if (call.cancelled()) {
            activity.end();
            return;
        }
        CallScript script = call.script();
        Step step = plan.get(index);
        WebhookEvent event = apply(call, step);
        boolean last = index == plan.size() - 1;
        if (outbox != null && !script.dropEventTypes().contains(event.eventType())) {
            List<WebhookEvent> copies = WebhookDispatcher.copies(List.of(event), script.copies());
            if (script.shuffle()) {
                held.addAll(copies);
            } else {
                outbox.send(copies);
            }
        }
        if (last) {
            if (outbox != null && script.shuffle()) {
                synchronized (this) {
                    Collections.shuffle(held, shuffleRandom);
                }
                outbox.send(held);
            }
            activity.end();
        } else {
            schedule(() -> play(call, plan, index + 1, outbox, held), call);
        }
    }

    private void schedule(Runnable step, Conversation call) {
        try {
            scheduler.schedule(() -> {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    // A bug must not leave the call counted as playing forever.
                    call.cancel();
                    activity.end();
                }
            }, call.script().stepDelayMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            activity.end();
        }
    }

    /** Updates the conversation for this step and returns the step's event. */
    private WebhookEvent apply(Conversation call, Step step) {
        ObjectNode data = json.object();
        String eventType;
        switch (step.kind()) {
            case STARTED -> {
                eventType = CallScript.CALL_STARTED;
                call.started();
                data.put("conversationId", call.id())
                        .put("toNumber", call.toNumber())
                        .put("fromNumber", call.fromNumber());
            }
            case ANSWERED -> {
                eventType = CallScript.CALL_ANSWERED;
                data.put("conversationId", call.id());
            }
            case LINE -> {
                eventType = CallScript.TRANSCRIPTION_UPDATE;
                Conversation.Line line = line(step.index());
                call.addLine(line);
                data.put("speaker", line.speaker()).put("text", line.text()).put("index", step.index());
            }
            case TOOL -> {
                eventType = CallScript.TOOL_EXECUTED;
                String order = call.params().path("order_number").asText("ORD-12345");
                // An agent with web tools calls its first one; one without calls Hamsa's sample order lookup.
                java.util.Optional<ToolUsed> tool = toolOf.apply(call.voiceAgentId());
                data.put("toolName", tool.map(ToolUsed::name).orElse(TOOL_NAME));
                tool.ifPresent(t -> data.put("toolId", t.id()));
                data.putObject("input").put("orderNumber", order);
                data.putObject("output").put("orderNumber", order).put("status", "SHIPPED")
                        .put("estimatedDelivery", "2 days");
                data.put("durationMs", 120);
            }
            case ENDED -> {
                eventType = CallScript.CALL_ENDED;
                ended(call, data);
            }
            default -> throw new IllegalStateException("unknown step " + step);
        }
        return event(call, eventType, data);
    }

    private void ended(Conversation call, ObjectNode data) {
        CallScript.Outcome outcome = call.outcome();
        List<Conversation.Line> transcript = call.transcription();
        ObjectNode outcomeResult = json.object();
        outcomeResult.put("resolved", outcome == CallScript.Outcome.COMPLETED);
        if (outcome == CallScript.Outcome.COMPLETED) {
            outcomeResult.put("sentiment_score", 0.8);
        }
        // The params are echoed as given, so they win over an extracted field of the same name.
        outcomeResult.setAll(call.params().deepCopy());
        String recording = outcome == CallScript.Outcome.NO_ANSWER ? null : RECORDING_BASE + call.id() + ".mp3";
        int duration = transcript.size() * SECONDS_PER_LINE + (outcome == CallScript.Outcome.COMPLETED ? TOOL_SECONDS : 0);
        String failureReason = outcome == CallScript.Outcome.FAILED ? FAILURE_REASON : null;
        CallStatus status = CallStatus.valueOf(outcome.name());

        data.put("conversationId", call.id());
        if (recording != null) {
            data.put("conversationRecording", recording);
        }
        data.set("transcription", callJson.transcription(transcript));
        data.set("outcomeResult", outcomeResult.deepCopy());
        data.put("callDuration", duration);
        data.put("status", status.name());
        if (failureReason != null) {
            data.put("failureReason", failureReason);
        }
        call.ended(status, recording, duration, outcomeResult, failureReason);
    }

    /** Agent and User alternate, Agent first; each numbers its own lines from 1. */
    static Conversation.Line line(int index) {
        String speaker = index % 2 == 0 ? "Agent" : "User";
        return new Conversation.Line(speaker, speaker + " line " + (index / 2 + 1));
    }

    private WebhookEvent event(Conversation call, String eventType, ObjectNode data) {
        Instant at = call.nextTimestamp(clock.instant());
        String timestamp = CallJson.timestamp(at);
        ObjectNode envelope = json.object()
                .put("eventType", eventType)
                .put("callId", call.id())
                .put("timestamp", timestamp)
                .put("projectId", projectId)
                .put("agentId", call.voiceAgentId())
                .put("agentName", call.agentName());
        ObjectNode outer = envelope.putObject("data");
        outer.put("timestamp", timestamp);
        outer.set("data", data);
        return new WebhookEvent(call.id(), eventType, timestamp, json.bytes(envelope));
    }
}
