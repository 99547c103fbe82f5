-- AlterTable
ALTER TABLE "chargeback_computed_line" ADD COLUMN     "cells" TEXT;
