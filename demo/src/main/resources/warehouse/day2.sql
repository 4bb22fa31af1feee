-- A day passes in the warehouse: the clock moves on, customers buy, ask for help, log in; one churns, one signs up.

UPDATE warehouse_clock SET as_of = as_of + INTERVAL 1 DAY;

-- New orders from a dozen customers.
INSERT INTO orders
SELECT (SELECT max(order_id) FROM orders) + CAST(row_number() OVER (ORDER BY customer_id) AS INTEGER),
       customer_id, DATE '2026-11-24', CAST(420.00 AS DECIMAL(12, 2))
FROM customers
WHERE customer_id IN ('C-0003', 'C-0011', 'C-0025', 'C-0038', 'C-0050', 'C-0064', 'C-0077', 'C-0090',
                      'C-0118', 'C-0150', 'C-0177', 'C-0203');

-- New tickets, two of them urgent.
INSERT INTO tickets
SELECT (SELECT max(ticket_id) FROM tickets) + CAST(row_number() OVER (ORDER BY customer_id) AS INTEGER),
       customer_id, DATE '2026-11-24',
       CASE WHEN customer_id IN ('C-0005', 'C-0099') THEN 'urgent' ELSE 'normal' END,
       'open', 'Dashboard shows yesterday''s numbers'
FROM customers
WHERE customer_id IN ('C-0005', 'C-0031', 'C-0058', 'C-0099', 'C-0140', 'C-0188');

-- Support solved every open ticket of two accounts.
UPDATE tickets SET status = 'solved' WHERE customer_id IN ('C-0017', 'C-0124') AND status = 'open';

-- A few customers logged in this morning.
UPDATE customers SET last_seen_at = TIMESTAMP '2026-11-24 08:30:00'
WHERE customer_id IN ('C-0046', 'C-0070', 'C-0112', 'C-0133', 'C-0161', 'C-0229');

-- An account cancelled: the customer churned.
UPDATE customers SET status = 'churned' WHERE customer_id = 'C-0042';

-- A new customer signed up and paid for their first month.
INSERT INTO customers VALUES ('C-0241', 'Joan', 'Clarke', 'joan.clarke@bletchley.example', 'Bletchley Analytics Ltd',
                              'growth', 12, DATE '2026-11-24', DATE '2027-11-24', TIMESTAMP '2026-11-24 10:15:00',
                              'active');
INSERT INTO orders VALUES ((SELECT max(order_id) + 1 FROM orders), 'C-0241', DATE '2026-11-24', 199.00);
