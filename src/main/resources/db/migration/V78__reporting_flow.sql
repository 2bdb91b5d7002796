-- Reporting's read model grows what the flow charts need (still no personal data, no reference): when each case was
-- submitted, the reason code of a rejection, and each stay of a case in a stage (entered, left) for the time in
-- stage against the service level. Fed by the enlistment events from now on; filled once here from the cases and
-- their history.
alter table reporting_case add column submitted_at timestamp with time zone;
alter table reporting_case add column rejection_reason varchar(30);

update reporting_case set submitted_at = (select e.submitted_at from enlistment e where e.id = reporting_case.enlistment_id),
    rejection_reason = (select e.rejection_reason from enlistment e where e.id = reporting_case.enlistment_id);

create table reporting_stage_time (
    enlistment_id uuid        not null,
    stage         varchar(20) not null,
    embassy_code  varchar(16) not null,
    entered_at    timestamp with time zone not null,
    left_at       timestamp with time zone,
    primary key (enlistment_id, stage, entered_at)
);
create index reporting_stage_time_embassy on reporting_stage_time (embassy_code, stage);

insert into reporting_stage_time (enlistment_id, stage, embassy_code, entered_at, left_at)
select h.enlistment_id, h.to_stage, e.embassy_code, h.at,
       lead(h.at) over (partition by h.enlistment_id order by h.seq)
from enlistment_history h join enlistment e on e.id = h.enlistment_id;
