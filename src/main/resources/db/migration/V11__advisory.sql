-- Home-country law advisories: one per country, versioned (an edit adds a version; none is changed or deleted).
-- Shipped: only the positions that were public in 2022 (PRODUCT.md). Every other country has no row and is shown
-- "no information on file: consult a lawyer before you travel". No legal claim beyond what was said publicly.

create table advisory (
    country     char(2)       not null,
    version     integer       not null,
    status      varchar(30)   not null,
    summary     varchar(2000) not null,
    changed_at  timestamp with time zone not null,
    changed_by  varchar(100)  not null,
    primary key (country, version)
);

-- Sources of an advisory version; the date is ISO 8601 at the precision known (2022-02-28, 2022-02 or 2022).
create table advisory_source (
    country      char(2)       not null,
    version      integer       not null,
    seq          integer       not null,
    description  varchar(500)  not null,
    source_date  varchar(10)   not null,
    url          varchar(500),
    primary key (country, version, seq),
    foreign key (country, version) references advisory (country, version)
);

-- The advisory a volunteer acknowledged when applying (version 0: "no information on file").
create table advisory_acknowledgement (
    enlistment_id    uuid        primary key references enlistment (id),
    country          char(2)     not null,
    advisory_version integer     not null,
    acknowledged_at  timestamp with time zone not null
);

insert into advisory (country, version, status, summary, changed_at, changed_by) values
  ('LV', 1, 'PERMITTED',
   'On 28 February 2022 the Latvian parliament (Saeima) voted unanimously to allow Latvian citizens to serve voluntarily in Ukraine. That is what was decided then. Check that it still applies to you before you travel.',
   current_timestamp, 'migration'),
  ('DK', 1, 'UNCLEAR',
   'In February 2022 the Danish prime minister said she saw "nothing at first sight" that would prevent Danes from volunteering. That was a first view, not a legal ruling, and it may not cover your situation. Get advice from a lawyer before you travel.',
   current_timestamp, 'migration'),
  ('CA', 1, 'UNCLEAR',
   'In 2022 the Government of Canada called volunteering to fight in Ukraine an individual choice. That is not a statement that it is lawful in every case. Get advice from a lawyer before you travel.',
   current_timestamp, 'migration'),
  ('US', 1, 'UNCLEAR',
   'The United States government made no formal statement on whether its citizens may serve in Ukraine''s forces, and it advised its citizens not to travel to Ukraine. Get advice from a lawyer before you travel.',
   current_timestamp, 'migration');

insert into advisory_source (country, version, seq, description, source_date, url) values
  ('LV', 1, 1, 'Vote of the Saeima (Parliament of Latvia) allowing Latvian citizens to volunteer in Ukraine, as publicly reported', '2022-02-28', null),
  ('DK', 1, 1, 'Remarks of the Prime Minister of Denmark to the press, as publicly reported', '2022-02', null),
  ('CA', 1, 1, 'Statement of the Government of Canada calling it an individual choice, as publicly reported', '2022-02', null),
  ('US', 1, 1, 'No formal statement by the US government; US travel advice against travel to Ukraine, as publicly reported', '2022', null);
