-- The rows to publish: the model's rows that differ from what was last published (all of them the first time).
-- A changed row appears once, with its new values; an unchanged row is not sent again.
CREATE TABLE IF NOT EXISTS published_intelligence AS SELECT * FROM customer_intelligence LIMIT 0;
CREATE OR REPLACE TABLE changed_rows AS
SELECT * FROM customer_intelligence
EXCEPT
SELECT * FROM published_intelligence;
