"""Add reminders, notifications, calendar feeds and the head of a department

reminder_log records each reminder delivered (at most one per assignment, stage, recipient and
day); notifications feed the bell menu; calendar_feeds hold the secret tokens of the ICS feeds;
departments.head_user_id names the head told of overdue work.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 10:13:36.028608

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('calendar_feeds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('scope', sa.String(length=12), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("scope IN ('user', 'department')", name=op.f('ck_calendar_feeds_scope')),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_calendar_feeds_department_id_departments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_calendar_feeds_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_feeds')),
    sa.UniqueConstraint('token', name=op.f('uq_calendar_feeds_token')),
    sa.UniqueConstraint('user_id', 'scope', 'department_id', name=op.f('uq_calendar_feeds_user_id_scope_department_id'))
    )
    with op.batch_alter_table('calendar_feeds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calendar_feeds_department_id'), ['department_id'], unique=False)

    op.create_table('notifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(length=12), nullable=False),
    sa.Column('days', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("stage IN ('due_soon', 'overdue', 'stale', 'escalated')", name=op.f('ck_notifications_stage')),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignments.id'], name=op.f('fk_notifications_assignment_id_assignments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notifications_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notifications'))
    )
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notifications_assignment_id'), ['assignment_id'], unique=False)
        batch_op.create_index('ix_notifications_user_read_created', ['user_id', 'read_at', 'created_at'], unique=False)

    op.create_table('reminder_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(length=12), nullable=False),
    sa.Column('recipient_id', sa.Integer(), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("stage IN ('due_soon', 'overdue', 'stale', 'escalated')", name=op.f('ck_reminder_log_stage')),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignments.id'], name=op.f('fk_reminder_log_assignment_id_assignments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recipient_id'], ['users.id'], name=op.f('fk_reminder_log_recipient_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder_log')),
    sa.UniqueConstraint('assignment_id', 'stage', 'recipient_id', 'sent_on', name=op.f('uq_reminder_log_assignment_id_stage_recipient_id_sent_on'))
    )
    with op.batch_alter_table('reminder_log', schema=None) as batch_op:
        batch_op.create_index('ix_reminder_log_assignment_sent', ['assignment_id', 'sent_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminder_log_recipient_id'), ['recipient_id'], unique=False)

    with op.batch_alter_table('departments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('head_user_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_departments_head_user_id'), ['head_user_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_departments_head_user_id_users'), 'users', ['head_user_id'], ['id'], ondelete='SET NULL')



def downgrade():
    with op.batch_alter_table('departments', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_departments_head_user_id_users'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_departments_head_user_id'))
        batch_op.drop_column('head_user_id')

    with op.batch_alter_table('reminder_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminder_log_recipient_id'))
        batch_op.drop_index('ix_reminder_log_assignment_sent')

    op.drop_table('reminder_log')
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_index('ix_notifications_user_read_created')
        batch_op.drop_index(batch_op.f('ix_notifications_assignment_id'))

    op.drop_table('notifications')
    with op.batch_alter_table('calendar_feeds', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calendar_feeds_department_id'))

    op.drop_table('calendar_feeds')
