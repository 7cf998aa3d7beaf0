//! Recovery housing (issue 19): recovery residences with their NARR level, certification and who they serve;
//! their weekly bed reports (every report kept, for history and the state's figures); and beds held for a
//! referred person. As with treatment programs (m0007), `held` is kept on the residence row beside
//! `available_beds`, so holding a bed is one conditional update of one row (`store::housing`), and the check
//! constraints keep a count from going below zero or above the total whatever a bug does.

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
enum Referral {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Residence {
    Table,
    Id,
    OrganizationId,
    ServiceId,
    Name,
    Address,
    Town,
    Zip,
    Region,
    Latitude,
    Longitude,
    Level,
    Populations,
    AcceptsMoud,
    ServesOud,
    TotalBeds,
    AvailableBeds,
    Held,
    ReportedAt,
    CertBody,
    CertNumber,
    CertExpiresOn,
    HouseRules,
    CostPerWeek,
    Payments,
    NaloxoneDoses,
    NaloxoneTrainedOn,
    Disclaimer,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ResidenceReport {
    Table,
    Id,
    ResidenceId,
    AvailableBeds,
    TotalBeds,
    NaloxoneDoses,
    ReportedAt,
    ReportedByAccountId,
}

#[derive(DeriveIden)]
enum ResidenceHold {
    Table,
    Id,
    ResidenceId,
    ReferralId,
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
                .table(Residence::Table)
                .col(pk_uuid(Residence::Id))
                .col(uuid(Residence::OrganizationId))
                .col(uuid_null(Residence::ServiceId))
                .col(string(Residence::Name))
                .col(string(Residence::Address))
                .col(string(Residence::Town))
                .col(string_null(Residence::Zip))
                .col(string_null(Residence::Region))
                .col(double_null(Residence::Latitude))
                .col(double_null(Residence::Longitude))
                // NARR's numeral: I, II, III or IV.
                .col(string(Residence::Level))
                .col(string(Residence::Populations))
                .col(boolean(Residence::AcceptsMoud))
                // The operator's attestation that a resident has been diagnosed with an opioid use disorder
                // (C.G.S. §17a-716(b)'s condition for the antagonist rule).
                .col(boolean(Residence::ServesOud))
                .col(integer(Residence::TotalBeds))
                .col(integer(Residence::AvailableBeds))
                .col(integer(Residence::Held))
                .col(timestamp_with_time_zone_null(Residence::ReportedAt))
                .col(string_null(Residence::CertBody))
                .col(string_null(Residence::CertNumber))
                .col(date_null(Residence::CertExpiresOn))
                .col(text_null(Residence::HouseRules))
                .col(integer_null(Residence::CostPerWeek))
                .col(string(Residence::Payments))
                .col(integer(Residence::NaloxoneDoses))
                .col(date_null(Residence::NaloxoneTrainedOn))
                .col(text(Residence::Disclaimer))
                .col(timestamp_with_time_zone(Residence::CreatedAt))
                .col(timestamp_with_time_zone(Residence::UpdatedAt))
                .check(Expr::col(Residence::Held).gte(0))
                .check(Expr::col(Residence::AvailableBeds).gte(0))
                .check(Expr::col(Residence::AvailableBeds).lte(Expr::col(Residence::TotalBeds)))
                .check(Expr::col(Residence::NaloxoneDoses).gte(0))
                .foreign_key(
                    ForeignKey::create()
                        .from(Residence::Table, Residence::OrganizationId)
                        .to(Organization::Table, Organization::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Residence::Table, Residence::ServiceId)
                        .to(DirService::Table, DirService::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("residence_org").table(Residence::Table).col(Residence::OrganizationId).to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("residence_service").table(Residence::Table).col(Residence::ServiceId).to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ResidenceReport::Table)
                .col(pk_uuid(ResidenceReport::Id))
                .col(uuid(ResidenceReport::ResidenceId))
                .col(integer(ResidenceReport::AvailableBeds))
                .col(integer(ResidenceReport::TotalBeds))
                .col(integer(ResidenceReport::NaloxoneDoses))
                .col(timestamp_with_time_zone(ResidenceReport::ReportedAt))
                .col(uuid_null(ResidenceReport::ReportedByAccountId))
                .foreign_key(
                    ForeignKey::create()
                        .from(ResidenceReport::Table, ResidenceReport::ResidenceId)
                        .to(Residence::Table, Residence::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("residence_report_history")
                .table(ResidenceReport::Table)
                .col(ResidenceReport::ResidenceId)
                .col(ResidenceReport::ReportedAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ResidenceHold::Table)
                .col(pk_uuid(ResidenceHold::Id))
                .col(uuid(ResidenceHold::ResidenceId))
                .col(uuid_null(ResidenceHold::ReferralId))
                .col(string(ResidenceHold::State))
                .col(timestamp_with_time_zone(ResidenceHold::CreatedAt))
                .col(timestamp_with_time_zone(ResidenceHold::ExpiresAt))
                .col(timestamp_with_time_zone_null(ResidenceHold::ClosedAt))
                .col(uuid_null(ResidenceHold::CreatedByAccountId))
                .col(uuid_null(ResidenceHold::ClosedByAccountId))
                .foreign_key(
                    ForeignKey::create()
                        .from(ResidenceHold::Table, ResidenceHold::ResidenceId)
                        .to(Residence::Table, Residence::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(ResidenceHold::Table, ResidenceHold::ReferralId)
                        .to(Referral::Table, Referral::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("residence_hold_live")
                .table(ResidenceHold::Table)
                .col(ResidenceHold::State)
                .col(ResidenceHold::ExpiresAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("residence_hold_residence")
                .table(ResidenceHold::Table)
                .col(ResidenceHold::ResidenceId)
                .col(ResidenceHold::CreatedAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("residence_hold_referral")
                .table(ResidenceHold::Table)
                .col(ResidenceHold::ReferralId)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ResidenceHold::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(ResidenceReport::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Residence::Table).to_owned()).await?;
        Ok(())
    }
}
