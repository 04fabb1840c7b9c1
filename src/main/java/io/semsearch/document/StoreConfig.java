package io.semsearch.document;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the store keeps what it derives from the chunks. */
@ConfigMapping(prefix = "semsearch.store")
public interface StoreConfig {

    /**
     * How often the changes to BM25's corpus statistics (recorded by triggers as chunks are written) are added into
     * the totals that searches read, besides after each write of this service: the most the statistics lag behind
     * writes made by other processes. Read by the schedule of {@link LexicalStatistics#foldPeriodically()}.
     */
    @WithDefault("10s")
    Duration statisticsFoldInterval();
}
