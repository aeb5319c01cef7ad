package dev.switchboard.domain.model;

/**
 * How much knowledge storage a team and the whole Hamsa account use and may use.
 *
 * @param teamBudgetBytes    the team's own budget, or the service default when the operator set none
 * @param accountLimitBytes  the Hamsa account's quota (its tier)
 */
public record KnowledgeStorage(long teamUsedBytes, long teamBudgetBytes, long accountUsedBytes, long accountLimitBytes) {

    /** @throws KnowledgeQuotaExceededException if {@code more} bytes do not fit in the team's budget or the account */
    public void checkFits(long more) {
        if (more <= 0) {
            return;
        }
        if (teamUsedBytes + more > teamBudgetBytes) {
            throw new KnowledgeQuotaExceededException(KnowledgeQuotaExceededException.Limit.TEAM, teamUsedBytes,
                    teamBudgetBytes, more);
        }
        if (accountUsedBytes + more > accountLimitBytes) {
            throw new KnowledgeQuotaExceededException(KnowledgeQuotaExceededException.Limit.ACCOUNT, accountUsedBytes,
                    accountLimitBytes, more);
        }
    }
}
