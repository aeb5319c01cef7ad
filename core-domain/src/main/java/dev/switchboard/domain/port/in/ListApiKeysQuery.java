package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.ApiKey;
import dev.switchboard.domain.model.TeamId;
import java.util.List;

/** A team's keys, revoked ones included, oldest first; never their secrets. */
public interface ListApiKeysQuery {

    List<ApiKey> listKeys(TeamId team);
}
