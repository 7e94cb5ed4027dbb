package io.wem.demo.driver;

import java.nio.file.Path;

/**
 * Where the suite runs and how the driver behaves.
 *
 * @param batchSize       signals per POST (signal-service takes at most 1,000 and 1 MB)
 * @param settleSeconds   how long to wait for gaps, interventions and wellbeing alerts to stop changing after a week is posted
 * @param followUp        replay the follow-up week and evaluate effectiveness
 */
public record DriverOptions(String keycloakUrl, String signalUrl, String coachingUrl, String governanceUrl,
                            String wellbeingUrl, int batchSize, int settleSeconds, Path report, boolean followUp) {
}
