-- The demo's warehouse: 240 customers of a B2B SaaS company, their orders and their support tickets.
-- Deterministic (no random()): every run computes the same model, so the demo can check every destination.
-- Statements are separated by lines ending in ';'.

CREATE TABLE warehouse_clock (as_of DATE NOT NULL);
INSERT INTO warehouse_clock VALUES (DATE '2026-11-23');

CREATE TABLE customers (
    customer_id  VARCHAR PRIMARY KEY,
    first_name   VARCHAR NOT NULL,
    last_name    VARCHAR NOT NULL,
    email        VARCHAR,
    account_name VARCHAR NOT NULL,
    plan         VARCHAR NOT NULL,
    seats        INTEGER NOT NULL,
    signup_date  DATE NOT NULL,
    renewal_date DATE NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    status       VARCHAR NOT NULL          -- 'active' or 'churned'
);

INSERT INTO customers
WITH people AS (
    SELECT i,
           ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Margaret', 'Ken', 'Frances', 'Dennis',
            'Radia', 'Tim', 'Hedy', 'Linus', 'Katherine', 'John', 'Sophie', 'Niklaus', 'Shafi', 'Leslie'][1 + i % 20]
               AS first_name,
           ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Hamilton', 'Thompson', 'Allen',
            'Ritchie', 'Perlman', 'Lee'][1 + (i // 20) % 12] AS last_name,
           ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent',
            'Wonka', 'Vandelay', 'Massive Dynamic', 'Aperture', 'Oscorp', 'Pied Piper', 'Dunder Mifflin'][1 + (i * 7) % 17]
               AS company,
           ['starter', 'growth', 'growth', 'business', 'business', 'enterprise'][1 + (i * 5) % 6] AS plan
    FROM range(0, 240) t(i)
)
SELECT printf('C-%04d', i + 1),
       first_name,
       last_name,
       lower(first_name) || '.' || lower(last_name) || '@' || lower(replace(company, ' ', '')) || '.example',
       company || ' ' || ['Inc.', 'GmbH', 'Ltd', 'LLC', 'SAS'][1 + (i * 3) % 5],
       plan,
       CASE plan WHEN 'starter' THEN 3 WHEN 'growth' THEN 10 WHEN 'business' THEN 40 ELSE 150 END + (i * 7) % 11,
       DATE '2023-01-02' + CAST((i * 37) % 1400 AS INTEGER),
       DATE '2026-12-01' + CAST((i * 13) % 365 AS INTEGER),
       TIMESTAMP '2026-11-23 09:00:00' - INTERVAL (CAST((i * 29) % 45 AS INTEGER)) DAY
           - INTERVAL (CAST((i * 11) % 600 AS INTEGER)) MINUTE,
       'active'
FROM people;

CREATE TABLE orders (
    order_id    INTEGER PRIMARY KEY,
    customer_id VARCHAR NOT NULL,
    ordered_at  DATE NOT NULL,
    amount      DECIMAL(12, 2) NOT NULL
);

INSERT INTO orders
WITH lines AS (
    SELECT i, unnest(range(0, 1 + (i * 3) % 9)) AS k FROM range(0, 240) t(i)
)
SELECT CAST(row_number() OVER (ORDER BY i, k) AS INTEGER),
       printf('C-%04d', i + 1),
       DATE '2026-11-23' - CAST((i * 31 + k * 47) % 420 AS INTEGER),
       CAST(CASE (i * 5) % 6 WHEN 0 THEN 49 WHEN 1 THEN 199 WHEN 2 THEN 199 WHEN 3 THEN 799 WHEN 4 THEN 799
                             ELSE 2400 END * (1 + ((i + k * 7) % 5) / 10.0) AS DECIMAL(12, 2))
FROM lines;

CREATE TABLE tickets (
    ticket_id   INTEGER PRIMARY KEY,
    customer_id VARCHAR NOT NULL,
    opened_at   DATE NOT NULL,
    priority    VARCHAR NOT NULL,          -- low, normal, high, urgent
    status      VARCHAR NOT NULL,          -- open or solved
    subject     VARCHAR NOT NULL
);

INSERT INTO tickets
WITH asks AS (
    SELECT i, unnest(range(0, (i * 7) % 5)) AS k FROM range(0, 240) t(i)
)
SELECT CAST(row_number() OVER (ORDER BY i, k) AS INTEGER),
       printf('C-%04d', i + 1),
       DATE '2026-11-23' - CAST((i * 13 + k * 29) % 120 AS INTEGER),
       ['low', 'normal', 'normal', 'high', 'urgent'][1 + (i + k * 2) % 5],
       CASE WHEN (i + k * 3) % 4 = 0 THEN 'open' ELSE 'solved' END,
       ['SSO login fails', 'Invoice question', 'Export is slow', 'API returns 429', 'Add seats',
        'Webhook retries', 'Data looks stale'][1 + (i + k) % 7]
FROM asks;

-- Real data is never clean. Three rows the destinations will refuse, so each dead-letter queue has something:
-- a mistyped email (HubSpot and Zendesk refuse it), a contact imported without one (HubSpot matches contacts on
-- email, so it cannot be written there), and an account name pasted with its legal boilerplate (longer than the
-- 255 characters Braze takes in a custom attribute).
UPDATE customers SET email = 'maria.gomez(at)cyberdyne.example', first_name = 'Maria', last_name = 'Gomez'
WHERE customer_id = 'C-0007';
UPDATE customers SET email = NULL WHERE customer_id = 'C-0013';
UPDATE customers
SET account_name = 'Initech Holdings LLC, a Delaware limited liability company, formerly known as Initrode Systems '
    || 'Inc. and Initech Software Ltd, including its subsidiaries, affiliates, successors and assigns, acting for '
    || 'itself and on behalf of its European branch offices in Dublin, Amsterdam and Berlin (see master agreement)'
WHERE customer_id = 'C-0021';
