package io.wem.demo.generator;

/**
 * One simulated agent and the habits that drive their numbers. Values of an ordinary agent are drawn around the
 * team norms in {@link Norms}; the planted scenarios override a few of them.
 *
 * @param shift              EARLY (07:00-15:00 UTC) or LATE (12:00-20:00 UTC)
 * @param dayOffset          rotates the two days off per week across agents
 * @param productivity       relative number of contacts the agent handles per shift
 * @param acwMedianSeconds   median after-call work
 * @param holdProbability    share of contacts with at least one hold
 * @param holdMeanSeconds    mean length of one hold
 * @param transferRate       share of contacts transferred
 * @param empathyComplaints  QA "empathy" score (0..100) on complaint contacts
 * @param empathyOther       QA "empathy" score on other contacts
 * @param quality            QA score of the other criteria
 * @param confirmationRate   share of billing disputes closed with a confirmation statement
 * @param csatMean           mean CSAT (1..5) before the contact reason's effect
 * @param repeatBillingDispute share of billing disputes that are repeat contacts
 * @param repeatOther        share of other contacts that are repeat contacts
 * @param adherence          mean schedule adherence 0..1
 * @param hardQueueShare     share of contacts routed to the hardest queue (retention)
 * @param takesBreaks        whether the agent gets the planned breaks
 * @param backToBack         contacts follow each other within seconds
 * @param humanQaPerWeek     QA evaluations by people per week
 * @param liveMonitoringPerWeek live-listening sessions per week
 */
public record AgentProfile(String agentId, String teamId, int indexInTeam, String shift, int dayOffset,
                           double productivity, double acwMedianSeconds, double holdProbability,
                           double holdMeanSeconds, double transferRate, double empathyComplaints,
                           double empathyOther, double quality, double confirmationRate, double csatMean,
                           double repeatBillingDispute, double repeatOther, double adherence, double hardQueueShare,
                           boolean takesBreaks, boolean backToBack, int humanQaPerWeek,
                           int liveMonitoringPerWeek) {

    /** Team norms of an ordinary agent (the centre of the random draws). */
    public static final class Norms {
        public static final double ACW_MEDIAN = 55;
        public static final double HOLD_PROBABILITY = 0.22;
        public static final double HOLD_MEAN = 40;
        public static final double TRANSFER_RATE = 0.06;
        public static final double EMPATHY = 80;
        public static final double QUALITY = 80;
        public static final double CONFIRMATION_RATE = 0.92;
        public static final double CSAT = 4.1;
        public static final double REPEAT_BILLING_DISPUTE = 0.08;
        public static final double REPEAT_OTHER = 0.06;
        public static final double ADHERENCE = 0.93;
        public static final double HARD_QUEUE_SHARE = 0.06;
        public static final int HUMAN_QA_PER_WEEK = 2;

        private Norms() {
        }
    }

    AgentProfile withAcw(double v) {
        return new AgentProfile(agentId, teamId, indexInTeam, shift, dayOffset, productivity, v, holdProbability,
                holdMeanSeconds, transferRate, empathyComplaints, empathyOther, quality, confirmationRate, csatMean,
                repeatBillingDispute, repeatOther, adherence, hardQueueShare, takesBreaks, backToBack, humanQaPerWeek,
                liveMonitoringPerWeek);
    }

    AgentProfile withCsat(double v) {
        return new AgentProfile(agentId, teamId, indexInTeam, shift, dayOffset, productivity, acwMedianSeconds,
                holdProbability, holdMeanSeconds, transferRate, empathyComplaints, empathyOther, quality,
                confirmationRate, v, repeatBillingDispute, repeatOther, adherence, hardQueueShare, takesBreaks,
                backToBack, humanQaPerWeek, liveMonitoringPerWeek);
    }

    AgentProfile withEmpathyComplaints(double v) {
        return new AgentProfile(agentId, teamId, indexInTeam, shift, dayOffset, productivity, acwMedianSeconds,
                holdProbability, holdMeanSeconds, transferRate, v, empathyOther, quality, confirmationRate, csatMean,
                repeatBillingDispute, repeatOther, adherence, hardQueueShare, takesBreaks, backToBack, humanQaPerWeek,
                liveMonitoringPerWeek);
    }

    AgentProfile withRepeatBillingDispute(double v) {
        return new AgentProfile(agentId, teamId, indexInTeam, shift, dayOffset, productivity, acwMedianSeconds,
                holdProbability, holdMeanSeconds, transferRate, empathyComplaints, empathyOther, quality,
                confirmationRate, csatMean, v, repeatOther, adherence, hardQueueShare, takesBreaks, backToBack,
                humanQaPerWeek, liveMonitoringPerWeek);
    }

    AgentProfile withHolds(double probability, double meanSeconds) {
        return new AgentProfile(agentId, teamId, indexInTeam, shift, dayOffset, productivity, acwMedianSeconds,
                probability, meanSeconds, transferRate, empathyComplaints, empathyOther, quality, confirmationRate,
                csatMean, repeatBillingDispute, repeatOther, adherence, hardQueueShare, takesBreaks, backToBack,
                humanQaPerWeek, liveMonitoringPerWeek);
    }

    AgentProfile withShift(String v) {
        return new AgentProfile(agentId, teamId, indexInTeam, v, dayOffset, productivity, acwMedianSeconds,
                holdProbability, holdMeanSeconds, transferRate, empathyComplaints, empathyOther, quality,
                confirmationRate, csatMean, repeatBillingDispute, repeatOther, adherence, hardQueueShare, takesBreaks,
                backToBack, humanQaPerWeek, liveMonitoringPerWeek);
    }

    /** The strong performer on the hardest queue: top quality, hard contacts back to back, no breaks. */
    AgentProfile asStrongPerformerOnHardestQueue() {
        return new AgentProfile(agentId, teamId, indexInTeam, shift, dayOffset, 1.15, acwMedianSeconds,
                holdProbability, holdMeanSeconds, transferRate, 96, 96, 96, 0.99, 4.3, repeatBillingDispute,
                repeatOther, 0.99, 0.9, false, true, humanQaPerWeek, liveMonitoringPerWeek);
    }

    /** Watched far more than anyone: many QA evaluations and live-listening sessions (see Scenarios). */
    AgentProfile atMonitoringCap(int humanQa, int liveSessions) {
        return new AgentProfile(agentId, teamId, indexInTeam, shift, dayOffset, productivity, acwMedianSeconds,
                holdProbability, holdMeanSeconds, transferRate, empathyComplaints, empathyOther, quality,
                confirmationRate, csatMean, repeatBillingDispute, repeatOther, adherence, hardQueueShare, takesBreaks,
                backToBack, humanQa, liveSessions);
    }

    /** Every habit back to its team norm (what successful coaching does to the planted metric). */
    AgentProfile normalised() {
        return new AgentProfile(agentId, teamId, indexInTeam, shift, dayOffset, productivity, Norms.ACW_MEDIAN,
                Norms.HOLD_PROBABILITY, Norms.HOLD_MEAN, Norms.TRANSFER_RATE, Norms.EMPATHY, Norms.EMPATHY,
                Math.max(quality, Norms.QUALITY), Norms.CONFIRMATION_RATE, Math.max(csatMean, Norms.CSAT),
                Norms.REPEAT_BILLING_DISPUTE, Norms.REPEAT_OTHER, adherence, hardQueueShare, takesBreaks, backToBack,
                humanQaPerWeek, liveMonitoringPerWeek);
    }
}
