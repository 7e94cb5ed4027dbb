-- How far a consumer has recorded each partition, written in the same transaction as the facts it recorded:
-- the guardrail compares it with the partition's end offset to decide on up-to-date intensity, not stale data.
CREATE TABLE consumer_position (
    consumer        VARCHAR(100) NOT NULL,
    topic           VARCHAR(200) NOT NULL,
    kafka_partition INT          NOT NULL,
    next_offset     BIGINT       NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (consumer, topic, kafka_partition)
);
