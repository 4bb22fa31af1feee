-- The customer intelligence model: one row per customer, as of the warehouse clock. This is what a dbt model would
-- compute; its rows are what Outflow delivers. Column names are the ones the config-examples map.
CREATE OR REPLACE TABLE customer_intelligence AS
WITH clock AS (
    SELECT as_of FROM warehouse_clock
),
purchases AS (
    SELECT o.customer_id,
           sum(o.amount) AS lifetime_value,
           count(*) FILTER (WHERE o.ordered_at > c.as_of - INTERVAL 90 DAY) AS orders_90d
    FROM orders o, clock c
    GROUP BY o.customer_id
),
support AS (
    SELECT customer_id,
           count(*) FILTER (WHERE status = 'open') AS open_tickets,
           count(*) FILTER (WHERE status = 'open' AND priority IN ('high', 'urgent')) AS escalated_tickets
    FROM tickets
    GROUP BY customer_id
),
signals AS (
    SELECT cu.*,
           coalesce(p.lifetime_value, 0) AS lifetime_value,
           coalesce(p.orders_90d, 0) AS orders_90d,
           coalesce(s.open_tickets, 0) AS open_tickets,
           coalesce(s.escalated_tickets, 0) AS escalated_tickets,
           date_diff('day', CAST(cu.last_seen_at AS DATE), c.as_of) AS days_since_seen,
           date_diff('day', cu.signup_date, c.as_of) AS days_since_signup
    FROM customers cu
    CROSS JOIN clock c
    LEFT JOIN purchases p USING (customer_id)
    LEFT JOIN support s USING (customer_id)
),
scored AS (
    SELECT *,
           CASE WHEN status = 'churned' THEN 0
                ELSE greatest(0, least(100,
                        62
                        + 8 * least(orders_90d, 4)                      -- buying recently
                        - 6 * open_tickets - 10 * escalated_tickets      -- waiting on support
                        + CASE WHEN days_since_seen <= 7 THEN 12         -- using the product
                               WHEN days_since_seen <= 21 THEN 0
                               ELSE -18 END
                        + CASE plan WHEN 'enterprise' THEN 6 WHEN 'business' THEN 3 ELSE 0 END))
           END AS health_score
    FROM signals
)
SELECT customer_id,
       email,
       first_name || ' ' || last_name AS full_name,
       account_name,
       plan,
       seats,
       CAST(lifetime_value AS DECIMAL(12, 2)) AS lifetime_value,
       CAST(orders_90d AS INTEGER) AS orders_90d,
       CAST(open_tickets AS INTEGER) AS open_tickets,
       strftime(last_seen_at, '%Y-%m-%d %H:%M:%S') AS last_seen_at,
       renewal_date,
       CAST(health_score AS INTEGER) AS health_score,
       CASE WHEN status = 'churned' OR health_score < 40 THEN 'high'
            WHEN health_score < 65 THEN 'medium'
            ELSE 'low' END AS churn_risk,
       CASE WHEN status = 'churned' THEN 'churned'
            WHEN health_score < 40 THEN 'at_risk'
            WHEN days_since_signup <= 60 THEN 'new'
            WHEN lifetime_value >= 10000 AND health_score >= 65 THEN 'champion'
            WHEN orders_90d >= 2 THEN 'growing'
            ELSE 'steady' END AS segment
FROM scored
ORDER BY customer_id;
