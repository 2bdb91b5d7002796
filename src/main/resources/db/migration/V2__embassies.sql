-- Reference data: embassies of the legion's country and the routing of volunteers by country of residence.
-- Administrators change the routing at run time; this is the starting point.
insert into embassy (code, name, city, country, hq) values
  ('HQ',  'Legion HQ (central queue)', 'Kyiv',       'UA', true),
  ('US',  'Embassy in Washington',     'Washington', 'US', false),
  ('GB',  'Embassy in London',         'London',     'GB', false),
  ('DE',  'Embassy in Berlin',         'Berlin',     'DE', false),
  ('CA',  'Embassy in Ottawa',         'Ottawa',     'CA', false),
  ('PL',  'Embassy in Warsaw',         'Warsaw',     'PL', false),
  ('LT',  'Embassy in Vilnius',        'Vilnius',    'LT', false),
  ('LV',  'Embassy in Riga',           'Riga',       'LV', false),
  ('EE',  'Embassy in Tallinn',        'Tallinn',    'EE', false),
  ('FR',  'Embassy in Paris',          'Paris',      'FR', false),
  ('IT',  'Embassy in Rome',           'Rome',       'IT', false),
  ('ES',  'Embassy in Madrid',         'Madrid',     'ES', false),
  ('NL',  'Embassy in The Hague',      'The Hague',  'NL', false),
  ('BE',  'Embassy in Brussels',       'Brussels',   'BE', false),
  ('DK',  'Embassy in Copenhagen',     'Copenhagen', 'DK', false),
  ('SE',  'Embassy in Stockholm',      'Stockholm',  'SE', false),
  ('NO',  'Embassy in Oslo',           'Oslo',       'NO', false),
  ('FI',  'Embassy in Helsinki',       'Helsinki',   'FI', false),
  ('CZ',  'Embassy in Prague',         'Prague',     'CZ', false),
  ('CH',  'Embassy in Bern',           'Bern',       'CH', false),
  ('AU',  'Embassy in Canberra',       'Canberra',   'AU', false),
  ('JP',  'Embassy in Tokyo',          'Tokyo',      'JP', false),
  ('BR',  'Embassy in Brasília',       'Brasília',   'BR', false),
  ('IL',  'Embassy in Tel Aviv',       'Tel Aviv',   'IL', false),
  ('GE',  'Embassy in Tbilisi',        'Tbilisi',    'GE', false);

insert into embassy_route (country, embassy_code, changed_at, changed_by)
select code, code, current_timestamp, 'migration' from embassy where hq = false;

insert into embassy_route (country, embassy_code, changed_at, changed_by) values
  ('IE', 'GB', current_timestamp, 'migration'),
  ('LU', 'BE', current_timestamp, 'migration'),
  ('IS', 'NO', current_timestamp, 'migration'),
  ('LI', 'CH', current_timestamp, 'migration'),
  ('MC', 'FR', current_timestamp, 'migration'),
  ('AD', 'ES', current_timestamp, 'migration'),
  ('SM', 'IT', current_timestamp, 'migration'),
  ('VA', 'IT', current_timestamp, 'migration'),
  ('AT', 'DE', current_timestamp, 'migration'),
  ('SK', 'CZ', current_timestamp, 'migration'),
  ('NZ', 'AU', current_timestamp, 'migration'),
  ('MX', 'US', current_timestamp, 'migration');
