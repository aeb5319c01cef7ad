package dev.switchboard.domain.port.out;

import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallFilter;
import dev.switchboard.domain.model.CallId;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.WebhookTarget;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Switchboard's record of its calls. */
public interface CallRepository {

    /**
     * Stores a new call and its dispatch job in one transaction: either both are stored or neither.
     *
     * @param sealedSecret the call's webhook secret, sealed
     * @param secretDigest the secret's digest, which deliveries are checked against
     * @throws dev.switchboard.domain.model.DuplicateCallExternalIdException if another call of its team has its external id
     * @throws dev.switchboard.domain.model.StorageUnavailableException if the database cannot be reached
     */
    void insertQueued(Call call, String sealedSecret, String secretDigest);

    /** The call, if it belongs to this team. */
    Optional<Call> findById(TeamId team, CallId id);

    /**
     * The team's calls that match the filter, newest first (ties broken by id), one page at a time.
     *
     * @throws dev.switchboard.domain.model.InvalidInputException if the cursor is not one this repository issued
     */
    Page<Call> list(TeamId team, CallFilter filter, PageRequest request);

    /**
     * Cancels a call atomically with its dispatch: the call and its job are locked, and {@code cancel} runs only if
     * no worker holds the job and no earlier attempt may have reached Hamsa; the job is then removed, so no worker
     * can send the call afterwards.
     *
     * @throws dev.switchboard.domain.model.CallNotFoundException if the team has no such call
     * @throws dev.switchboard.domain.model.CallNotCancellableException if a worker is sending it right now, or
     *         {@code cancel} refuses
     */
    Call cancel(TeamId team, CallId id, UnaryOperator<Call> cancel);

    /**
     * The id of the call of {@code adopted}'s agent that the platform knows as {@code adopted.hamsaCallId()} (its
     * job or conversation id); if Switchboard has none, {@code adopted} is stored (with no dispatch job) and its
     * id returned. Two deliveries racing to adopt one call store it once.
     *
     * @throws dev.switchboard.domain.model.StorageUnavailableException if the database cannot be reached
     */
    CallId adopt(Call adopted);

    /** What a webhook delivery for this call is checked against; empty if Switchboard placed no such call. */
    Optional<WebhookTarget> webhookTarget(CallId id);

    /**
     * Up to {@code max} calls that Hamsa accepted before {@code dispatchedBefore}, have not ended, and are due a
     * check; each returned one is not due again before {@code nextCheck}, so replicas do not check it together.
     */
    List<Call> claimOverdue(Instant dispatchedBefore, int max, Instant nextCheck);
}
