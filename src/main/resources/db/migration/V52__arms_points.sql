-- The issuing points of the demo and of the shared test data: police units and territorial-defence armouries.
insert into arms_point (code, name, kind, city) values
    ('KYIV-POLICE-01',    'Kyiv police, Shevchenkivskyi district',   'POLICE',              'Kyiv'),
    ('KYIV-POLICE-02',    'Kyiv police, Podilskyi district',         'POLICE',              'Kyiv'),
    ('KYIV-TDF-112',      'Kyiv territorial defence, 112th brigade', 'TERRITORIAL_DEFENCE', 'Kyiv'),
    ('KYIV-TDF-130',      'Kyiv territorial defence, 130th battalion', 'TERRITORIAL_DEFENCE', 'Kyiv'),
    ('BROVARY-POLICE-01', 'Brovary police',                          'POLICE',              'Brovary'),
    ('IRPIN-TDF-01',      'Irpin territorial defence',               'TERRITORIAL_DEFENCE', 'Irpin'),
    ('KHARKIV-POLICE-01', 'Kharkiv police',                          'POLICE',              'Kharkiv'),
    ('KHARKIV-TDF-127',   'Kharkiv territorial defence, 127th brigade', 'TERRITORIAL_DEFENCE', 'Kharkiv'),
    ('ODESA-TDF-122',     'Odesa territorial defence, 122nd brigade', 'TERRITORIAL_DEFENCE', 'Odesa'),
    ('LVIV-POLICE-01',    'Lviv police',                             'POLICE',              'Lviv');
