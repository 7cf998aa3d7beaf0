//! Treatment capacity for the access line: programs with their level of care and bed counts, and the beds held
//! for callers. `held` is kept on the program row beside `open_beds`, so a reservation is one conditional update
//! of one row (see `store::capacity`).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organization {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum DirService {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum TreatmentProgram {
    Table,
    Id,
    OrganizationId,
    ServiceId,
    Name,
    Level,
    Populations,
    Region,
    Latitude,
    Longitude,
    LicensedBeds,
    OpenBeds,
    Waitlist,
    Held,
    UpdatedAt,
    UpdatedByAccountId,
}

#[derive(DeriveIden)]
enum BedHold {
    Table,
    Id,
    ProgramId,
    CallId,
    State,
    CreatedAt,
    ExpiresAt,
    ClosedAt,
    CreatedByAccountId,
    ClosedByAccountId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(TreatmentProgram::Table)
                .col(pk_uuid(TreatmentProgram::Id))
                .col(uuid(TreatmentProgram::OrganizationId))
                .col(uuid_null(TreatmentProgram::ServiceId))
                .col(string(TreatmentProgram::Name))
                .col(string(TreatmentProgram::Level))
                .col(string(TreatmentProgram::Populations))
                .col(string_null(TreatmentProgram::Region))
                .col(double_null(TreatmentProgram::Latitude))
                .col(double_null(TreatmentProgram::Longitude))
                .col(integer(TreatmentProgram::LicensedBeds))
                .col(integer(TreatmentProgram::OpenBeds))
                .col(integer(TreatmentProgram::Waitlist))
                .col(integer(TreatmentProgram::Held))
                .col(timestamp_with_time_zone(TreatmentProgram::UpdatedAt))
                .col(uuid_null(TreatmentProgram::UpdatedByAccountId))
                .check(Expr::col(TreatmentProgram::Held).gte(0))
                .check(Expr::col(TreatmentProgram::OpenBeds).gte(0))
                .foreign_key(
                    ForeignKey::create()
                        .from(TreatmentProgram::Table, TreatmentProgram::OrganizationId)
                        .to(Organization::Table, Organization::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(TreatmentProgram::Table, TreatmentProgram::ServiceId)
                        .to(DirService::Table, DirService::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("treatment_program_level")
                .table(TreatmentProgram::Table)
                .col(TreatmentProgram::Level)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("treatment_program_org")
                .table(TreatmentProgram::Table)
                .col(TreatmentProgram::OrganizationId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(BedHold::Table)
                .col(pk_uuid(BedHold::Id))
                .col(uuid(BedHold::ProgramId))
                .col(uuid_null(BedHold::CallId))
                .col(string(BedHold::State))
                .col(timestamp_with_time_zone(BedHold::CreatedAt))
                .col(timestamp_with_time_zone(BedHold::ExpiresAt))
                .col(timestamp_with_time_zone_null(BedHold::ClosedAt))
                .col(uuid_null(BedHold::CreatedByAccountId))
                .col(uuid_null(BedHold::ClosedByAccountId))
                .foreign_key(
                    ForeignKey::create()
                        .from(BedHold::Table, BedHold::ProgramId)
                        .to(TreatmentProgram::Table, TreatmentProgram::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("bed_hold_live")
                .table(BedHold::Table)
                .col(BedHold::State)
                .col(BedHold::ExpiresAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("bed_hold_program")
                .table(BedHold::Table)
                .col(BedHold::ProgramId)
                .col(BedHold::CreatedAt)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(BedHold::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(TreatmentProgram::Table).to_owned()).await?;
        Ok(())
    }
}
