-- Answers as they were given (question, answer, citations), kept semsearch.feedback.retention-days so that their
-- users can rate them; the corpus owner reads the report of abstained and down-voted questions, and exports rated
-- answers as training data. question_key groups questions that differ only in case, spaces and punctuation.
CREATE TABLE answer_record (
    id             uuid PRIMARY KEY,
    created_at     timestamptz NOT NULL,
    question       text        NOT NULL,
    question_key   text        NOT NULL,
    history_turns  integer     NOT NULL,
    filters        jsonb,
    answered       boolean     NOT NULL,
    reason         text,
    answer         text,
    short_answer   text,
    citations      jsonb       NOT NULL,
    model          text,
    generator      text
);
CREATE INDEX answer_record_created_at ON answer_record (created_at);
CREATE INDEX answer_record_abstained ON answer_record (question_key, created_at) WHERE NOT answered;

-- One rating per answer: a later one replaces the earlier (updated_at says when).
CREATE TABLE answer_feedback (
    answer_id  uuid        PRIMARY KEY REFERENCES answer_record (id) ON DELETE CASCADE,
    rating     text        NOT NULL CHECK (rating IN ('up', 'down')),
    comment    text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX answer_feedback_down ON answer_feedback (updated_at) WHERE rating = 'down';
