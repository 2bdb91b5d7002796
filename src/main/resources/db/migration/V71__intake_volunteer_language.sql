-- The language a volunteer applied in (intake): the language of every mail they are sent about their case.
create table intake_volunteer_language (
    enlistment_id uuid primary key,
    language      varchar(20) not null
);
