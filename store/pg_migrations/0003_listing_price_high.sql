-- The high end of a price range ("$120 - $180"), as the SQLite schema's migration 0007:
-- price_amount holds the low end; rows from before have no range (NULL).
ALTER TABLE listings ADD COLUMN price_high DOUBLE PRECISION;
ALTER TABLE listing_versions ADD COLUMN price_high DOUBLE PRECISION;
